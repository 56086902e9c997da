import { createHash } from 'crypto';
import fs from 'fs';
import path from 'path';
import { gzipSync } from 'zlib';
import type { Core } from '@strapi/strapi';
import type { Theme } from '../domain/theme';

/** The files of build/widgets/v1 (scripts/build-widgets.js) that are served, by their public name. */
export const SCRIPTS = ['tthc.js', 'tthc.classic.js', 'frame.js', 'embed.js'] as const;
export type ScriptName = (typeof SCRIPTS)[number];

// Where core/styles.ts leaves room for the settings' theme.
const THEME_SLOT = /(["'])__TTHC_SERVER_THEME__\1/g;

export interface Asset {
  body: Buffer;
  gzip: Buffer;
  etag: string;
}

/**
 * The built scripts, with the theme of the settings written into the bundle, kept compressed in memory: rebuilt
 * when the file or the theme changes.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const directory = path.join(strapi.dirs.app.root, 'build', 'widgets', 'v1');
  const cache = new Map<ScriptName, { stamp: string } & Asset>();

  return {
    directory,

    /** The script, or null when the bundle was not built (npm install builds it). */
    async script(name: ScriptName, theme: Theme): Promise<Asset | null> {
      const file = path.join(directory, name);
      const stat = await fs.promises.stat(file).catch(() => null);
      if (!stat) return null;
      const stamp = `${stat.mtimeMs}:${stat.size}:${JSON.stringify(theme)}`;
      const hit = cache.get(name);
      if (hit?.stamp === stamp) return hit;
      const source = await fs.promises.readFile(file, 'utf8');
      const body = Buffer.from(source.replace(THEME_SLOT, JSON.stringify(JSON.stringify(theme))));
      const asset = {
        stamp,
        body,
        gzip: gzipSync(body, { level: 9 }),
        etag: `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`,
      };
      cache.set(name, asset);
      return asset;
    },
  };
};
