import fs from 'fs';
import os from 'os';
import path from 'path';
import { ensureSecrets, findSecretProblems, SECRET_NAMES, SecretsError } from '../secrets';

const good = () =>
  Object.fromEntries(SECRET_NAMES.map((name) => [name, `${name.toLowerCase()}-0123456789abcdef`])) as Record<
    string,
    string
  >;

const tmpEnvFile = () => path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'secrets-')), '.env');

describe('secrets', () => {
  it('accepts strong values', () => {
    expect(findSecretProblems(good())).toEqual([]);
  });

  it('names each missing, placeholder or short secret', () => {
    const env = {
      ...good(),
      ADMIN_JWT_SECRET: '',
      APP_KEYS: 'toBeModified1,toBeModified2',
      JWT_SECRET: 'short',
    };
    expect(findSecretProblems(env)).toEqual([
      { name: 'APP_KEYS', reason: 'placeholder' },
      { name: 'ADMIN_JWT_SECRET', reason: 'missing' },
      { name: 'JWT_SECRET', reason: 'too short' },
    ]);
  });

  it('refuses to start in production, saying which secrets are wrong', () => {
    const env = { ...good(), ENCRYPTION_KEY: 'tobemodified' };
    const envFile = tmpEnvFile();
    expect(() => ensureSecrets({ env, production: true, envFile })).toThrow(SecretsError);
    expect(() => ensureSecrets({ env, production: true, envFile })).toThrow(/ENCRYPTION_KEY \(placeholder\)/);
    expect(fs.existsSync(envFile)).toBe(false);
  });

  it('generates missing secrets once into .env in development, keeping what is there', () => {
    const envFile = tmpEnvFile();
    fs.writeFileSync(envFile, 'PORT=1338\nJWT_SECRET=tobemodified\n');
    const env: NodeJS.ProcessEnv = { JWT_SECRET: 'tobemodified' };
    const secrets = ensureSecrets({ env, production: false, envFile });
    expect(findSecretProblems(env)).toEqual([]);
    expect(secrets.APP_KEYS.split(',')).toHaveLength(4);

    const written = fs.readFileSync(envFile, 'utf8');
    expect(written).toContain('PORT=1338');
    expect(written).toContain('# replaced: JWT_SECRET=tobemodified');
    for (const name of SECRET_NAMES) expect(written).toContain(`\n${name}=${env[name]}`);

    // A second start reads them back and writes nothing.
    const again: NodeJS.ProcessEnv = { ...env };
    ensureSecrets({ env: again, production: false, envFile });
    expect(fs.readFileSync(envFile, 'utf8')).toBe(written);
    expect(again.ADMIN_JWT_SECRET).toBe(env.ADMIN_JWT_SECRET);
  });
});
