/**
 * Builds the citizen widgets (src/plugins/widgets/elements) into build/widgets/v1/, which the widgets plugin
 * serves at /widgets/v1/:
 * - tthc.js, the elements as one ES module, and tthc.classic.js, the same as a classic script;
 * - frame.js, the host page's helper that sizes iframe embeds (kept under 1 KB);
 * - embed.js, the iframe page's side: it reports its height to the host.
 * Runs after npm install, before the admin build and before the tests; esbuild makes it a fraction of a second.
 */
const path = require('path');
const esbuild = require('esbuild');

const ROOT = path.join(__dirname, '..');
const SOURCE = path.join(ROOT, 'src', 'plugins', 'widgets', 'elements');
const OUT = path.join(ROOT, 'build', 'widgets', 'v1');

const common = {
  bundle: true,
  minify: true,
  legalComments: 'none',
  target: 'es2021',
  tsconfig: path.join(SOURCE, 'tsconfig.json'),
  logLevel: 'warning',
  charset: 'utf8',
};

async function build() {
  const elements = path.join(SOURCE, 'index.ts');
  await Promise.all([
    esbuild.build({ ...common, entryPoints: [elements], format: 'esm', outfile: path.join(OUT, 'tthc.js') }),
    esbuild.build({
      ...common,
      entryPoints: [elements],
      format: 'iife',
      // A classic script finds its address through document.currentScript (core/api.ts).
      define: { 'import.meta.url': 'undefined' },
      outfile: path.join(OUT, 'tthc.classic.js'),
    }),
    esbuild.build({
      ...common,
      entryPoints: [path.join(SOURCE, 'frame', 'host.ts')],
      format: 'iife',
      outfile: path.join(OUT, 'frame.js'),
    }),
    esbuild.build({
      ...common,
      entryPoints: [path.join(SOURCE, 'frame', 'page.ts')],
      format: 'iife',
      outfile: path.join(OUT, 'embed.js'),
    }),
  ]);
}

module.exports = { build, OUT };

if (require.main === module) {
  build().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
