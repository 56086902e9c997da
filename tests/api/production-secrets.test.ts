import { spawnSync } from 'child_process';
import path from 'path';
import { ROOT } from '../setup/env';

/** Boots Strapi's configuration in a separate process, as `npm start` would, and reports how it ended. */
function start(env: Record<string, string | undefined>) {
  const script = `require('@strapi/strapi').createStrapi({ appDir: ${JSON.stringify(ROOT)}, distDir: ${JSON.stringify(
    path.join(ROOT, 'dist')
  )} }); console.log('configured');`;
  const cleanEnv = { ...process.env, ...env };
  for (const [key, value] of Object.entries(env)) if (value === undefined) delete cleanEnv[key];
  return spawnSync(process.execPath, ['-e', script], {
    cwd: ROOT,
    env: cleanEnv,
    encoding: 'utf8',
    timeout: 60_000,
  });
}

describe('production secrets', () => {
  it('refuses to start with the template placeholders, naming each one', () => {
    const result = start({
      NODE_ENV: 'production',
      APP_KEYS: 'toBeModified1,toBeModified2',
      API_TOKEN_SALT: 'tobemodified',
      ADMIN_JWT_SECRET: 'tobemodified',
      TRANSFER_TOKEN_SALT: 'tobemodified',
      JWT_SECRET: 'tobemodified',
      ENCRYPTION_KEY: 'tobemodified',
    });
    expect(result.status).not.toBe(0);
    expect(result.stdout).not.toContain('configured');
    for (const name of [
      'APP_KEYS',
      'API_TOKEN_SALT',
      'ADMIN_JWT_SECRET',
      'TRANSFER_TOKEN_SALT',
      'JWT_SECRET',
      'ENCRYPTION_KEY',
    ]) {
      expect(result.stderr).toContain(`${name} (placeholder)`);
    }
  });

  it('refuses to start with a missing secret', () => {
    const result = start({ NODE_ENV: 'production', ADMIN_JWT_SECRET: undefined });
    expect(result.status).not.toBe(0);
    expect(result.stderr).toContain('ADMIN_JWT_SECRET (missing)');
    expect(result.stderr).not.toContain('APP_KEYS (');
  });

  it('starts in production with real secrets', () => {
    const result = start({ NODE_ENV: 'production' });
    expect(result.stderr).toBe('');
    expect(result.stdout).toContain('configured');
    expect(result.status).toBe(0);
  });
});
