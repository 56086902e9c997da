import { createHash } from 'crypto';
import fs from 'fs';
import path from 'path';
import { promisify } from 'util';
import zlib from 'zlib';
import type { Core } from '@strapi/strapi';
import type { Theme } from '../domain/theme';

/** The files of build/widgets/v1 (scripts/build-widgets.js) that are served, by their public name. */
export const SCRIPTS = ['tthc.js', 'tthc.classic.js', 'frame.js', 'embed.js'] as const;
export type ScriptName = (typeof SCRIPTS)[number];

// Where core/styles.ts leaves room for the settings' theme.
const THEME_SLOT = /(["'])__TTHC_SERVER_THEME__\1/g;

export interface Asset {
  body: Buffer;
  /** The body compressed, by the Content-Encoding that names it. */
  encoded: Record<Encoding, Buffer>;
  etag: string;
}

/** The encodings served, smallest first: brotli is ~15% smaller than gzip on the bundle (docs/PERFORMANCE.md). */
export const ENCODINGS = ['br', 'gzip'] as const;
export type Encoding = (typeof ENCODINGS)[number];

const brotli = promisify(zlib.brotliCompress);
const gzip = promisify(zlib.gzip);

// The smallest output of each, once per build and theme, off the event loop (brotli's 11 takes ~0.2 s on the bundle).
const compress = async (body: Buffer): Promise<Record<Encoding, Buffer>> => {
  const [br, gz] = await Promise.all([
    brotli(body, {
      params: {
        [zlib.constants.BROTLI_PARAM_QUALITY]: zlib.constants.BROTLI_MAX_QUALITY,
        [zlib.constants.BROTLI_PARAM_MODE]: zlib.constants.BROTLI_MODE_TEXT,
        [zlib.constants.BROTLI_PARAM_SIZE_HINT]: body.length,
      },
    }),
    gzip(body, { level: zlib.constants.Z_BEST_COMPRESSION }),
  ]);
  return { br, gzip: gz };
};

/**
 * The built scripts, with the theme of the settings written into the bundle, kept compressed in memory: rebuilt
 * when the file or the theme changes.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const directory = path.join(strapi.dirs.app.root, 'build', 'widgets', 'v1');
  // Requests that come while a script is compressed wait for that one compression.
  const cache = new Map<ScriptName, { stamp: string; asset: Promise<Asset> }>();

  return {
    directory,

    /** The script, or null when the bundle was not built (npm install builds it). */
    async script(name: ScriptName, theme: Theme): Promise<Asset | null> {
      const file = path.join(directory, name);
      const stat = await fs.promises.stat(file).catch(() => null);
      if (!stat) return null;
      const stamp = `${stat.mtimeMs}:${stat.size}:${JSON.stringify(theme)}`;
      const hit = cache.get(name);
      if (hit?.stamp === stamp) return hit.asset;
      const asset = (async () => {
        const source = await fs.promises.readFile(file, 'utf8');
        const body = Buffer.from(source.replace(THEME_SLOT, JSON.stringify(JSON.stringify(theme))));
        return {
          body,
          encoded: await compress(body),
          etag: `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`,
        };
      })();
      cache.set(name, { stamp, asset });
      // A failed read is not kept: the next request tries again.
      asset.catch(() => {
        if (cache.get(name)?.asset === asset) cache.delete(name);
      });
      return asset;
    },
  };
};
