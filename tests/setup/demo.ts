import fs from 'fs';
import path from 'path';
import { ROOT } from './env';

/** Reads a demo data file, so that tests follow the data rather than repeat it. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const demo = (file: string): any =>
  JSON.parse(fs.readFileSync(path.join(ROOT, 'database', 'demo', file), 'utf8'));
