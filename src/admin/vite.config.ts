import fs from 'fs';
import path from 'path';
import type { UserConfig } from 'vite';

// Strapi's admin build (Vite) resolves the short import names (#admin/…, #domain/…, #oversight/…) exactly as the
// admin typecheck does: from the `paths` of ./tsconfig.json. A plugin's admin file cannot use Node's package.json
// "imports" here, because the nearest package.json is the plugin's own.
const tsconfig = JSON.parse(fs.readFileSync(path.join(__dirname, 'tsconfig.json'), 'utf8'));
const paths: Record<string, string[]> = tsconfig.compilerOptions.paths;
const aliases = Object.fromEntries(
  Object.entries(paths).map(([name, [target]]) => [
    name.replace(/\/\*$/, ''),
    path.join(__dirname, target.replace(/\/?\*$/, '')),
  ])
);

export default (config: UserConfig): UserConfig => ({
  ...config,
  resolve: { ...config.resolve, alias: { ...(config.resolve?.alias as Record<string, string>), ...aliases } },
});
