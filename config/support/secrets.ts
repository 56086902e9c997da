/**
 * Strapi's secrets: generated once into `.env` in development, mandatory in production.
 *
 * Plain module (no Strapi import) so that every config file can call it before Strapi exists,
 * and so that unit tests can exercise it directly.
 */
import { randomBytes } from 'crypto';
import fs from 'fs';
import path from 'path';

export const SECRET_NAMES = [
  'APP_KEYS',
  'API_TOKEN_SALT',
  'ADMIN_JWT_SECRET',
  'TRANSFER_TOKEN_SALT',
  'JWT_SECRET',
  'ENCRYPTION_KEY',
] as const;

export type SecretName = (typeof SECRET_NAMES)[number];
export type Secrets = Record<SecretName, string>;

export interface SecretProblem {
  name: SecretName;
  reason: 'missing' | 'placeholder' | 'too short';
}

const MIN_LENGTH = 16;
// Values shipped by Strapi's templates and by our .env.example: never acceptable in production.
const PLACEHOLDER = /^(tobemodified\d*|changeme|change-me|secret|default|example)$/i;

const parts = (name: SecretName, value: string) =>
  name === 'APP_KEYS' ? value.split(',').map((key) => key.trim()) : [value.trim()];

export function findSecretProblems(env: NodeJS.ProcessEnv): SecretProblem[] {
  const problems: SecretProblem[] = [];
  for (const name of SECRET_NAMES) {
    const value = env[name];
    if (!value || parts(name, value).every((part) => part === '')) {
      problems.push({ name, reason: 'missing' });
    } else if (parts(name, value).some((part) => PLACEHOLDER.test(part))) {
      problems.push({ name, reason: 'placeholder' });
    } else if (parts(name, value).some((part) => part.length < MIN_LENGTH)) {
      problems.push({ name, reason: 'too short' });
    }
  }
  return problems;
}

const randomSecret = () => randomBytes(32).toString('base64');

export function generateSecret(name: SecretName): string {
  return name === 'APP_KEYS' ? [1, 2, 3, 4].map(randomSecret).join(',') : randomSecret();
}

export class SecretsError extends Error {
  constructor(public readonly problems: SecretProblem[]) {
    super(
      'Refusing to start in production: set these secrets in the environment: ' +
        problems.map((p) => `${p.name} (${p.reason})`).join(', ') +
        ". Generate each one with: node -e \"console.log(require('crypto').randomBytes(32).toString('base64'))\""
    );
    this.name = 'SecretsError';
  }
}

interface EnsureOptions {
  env?: NodeJS.ProcessEnv;
  production?: boolean;
  envFile?: string;
}

/**
 * Returns every secret. In production a missing, placeholder or short secret throws, naming each one.
 * Elsewhere the missing ones are generated, appended to the `.env` file and put into `env`.
 */
export function ensureSecrets({
  env = process.env,
  production = env.NODE_ENV === 'production',
  envFile = env.ENV_PATH ?? path.resolve(process.cwd(), '.env'),
}: EnsureOptions = {}): Secrets {
  const problems = findSecretProblems(env);
  if (problems.length > 0) {
    if (production) throw new SecretsError(problems);
    const lines = problems.map(({ name }) => {
      env[name] = generateSecret(name);
      return `${name}=${env[name]}`;
    });
    const existing = fs.existsSync(envFile) ? fs.readFileSync(envFile, 'utf8') : '';
    // A placeholder line left in .env would win over ours on the next start: comment it out.
    const kept = existing
      .split('\n')
      .map((line) =>
        problems.some(({ name }) => line.startsWith(`${name}=`)) ? `# replaced: ${line}` : line
      )
      .join('\n');
    const header = '# Secrets generated for development on first start. Never commit this file.';
    fs.writeFileSync(
      envFile,
      `${kept}${kept && !kept.endsWith('\n') ? '\n' : ''}${header}\n${lines.join('\n')}\n`,
      { mode: 0o600 }
    );
  }
  return Object.fromEntries(SECRET_NAMES.map((name) => [name, env[name] as string])) as Secrets;
}

let cached: Secrets | undefined;

/** Memoised for the config files of one process. */
export const secrets = (): Secrets => (cached ??= ensureSecrets());
