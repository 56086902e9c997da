import path from 'path';
import type { Core } from '@strapi/strapi';
import { isDatabaseClientKind } from '@strapi/database';

// SQLite by default; a postgres:// DATABASE_URL alone is enough to switch to PostgreSQL.
const inferClient = (url: string | undefined) =>
  url && /^postgres(ql)?:\/\//.test(url) ? 'postgres' : 'sqlite';

const config = ({ env }: Core.Config.Shared.ConfigParams): Core.Config.Database => {
  const client = env('DATABASE_CLIENT') || inferClient(env('DATABASE_URL'));

  if (!isDatabaseClientKind(client) || client === 'mysql') {
    throw new Error(`Unsupported DATABASE_CLIENT: ${client}. Use "postgres" or "sqlite".`);
  }

  const pool = { min: env.int('DATABASE_POOL_MIN', 0), max: env.int('DATABASE_POOL_MAX', 10) };

  const connections = {
    postgres: {
      client: 'postgres',
      connection: {
        connectionString: env('DATABASE_URL'),
        host: env('DATABASE_HOST', 'localhost'),
        port: env.int('DATABASE_PORT', 5432),
        database: env('DATABASE_NAME', 'strapi'),
        user: env('DATABASE_USERNAME', 'strapi'),
        password: env('DATABASE_PASSWORD', 'strapi'),
        ssl: env.bool('DATABASE_SSL', false) && {
          ca: env('DATABASE_SSL_CA', undefined),
          rejectUnauthorized: env.bool('DATABASE_SSL_REJECT_UNAUTHORIZED', true),
        },
        schema: env('DATABASE_SCHEMA', 'public'),
      },
      pool: {
        ...pool,
        // No JIT: this is short OLTP work (a rollup slice, a page), where compiling a plan whose estimate passes
        // jit_above_cost costs 0.2–1 s and the query itself milliseconds.
        afterCreate: (conn: unknown, done: (error?: Error, conn?: unknown) => void) => {
          (conn as { query(sql: string, cb: (error?: Error) => void): void }).query(
            'SET jit = off',
            (error) => done(error, conn)
          );
        },
      },
    },
    sqlite: {
      client: 'sqlite',
      connection: {
        // Relative to the project root (this file runs from dist/config).
        filename: path.resolve(__dirname, '..', '..', env('DATABASE_FILENAME', '.tmp/data.db')),
      },
      useNullAsDefault: true,
      // Write-ahead log: readers no longer wait for writers, and a commit costs one fsync instead of several.
      pool: {
        afterCreate: (conn: unknown, done: (error?: Error, conn?: unknown) => void) => {
          const sqlite = conn as {
            pragma(sql: string): unknown;
            function(name: string, options: object, fn: (text: unknown) => unknown): void;
          };
          sqlite.pragma('journal_mode = WAL');
          sqlite.pragma('synchronous = NORMAL');
          // SQLite's lower() folds only A–Z; PostgreSQL's folds Vietnamese too. Staff searches use LOWER().
          sqlite.function('lower', { deterministic: true }, (text) =>
            typeof text === 'string' ? text.toLowerCase() : text
          );
          done(undefined, conn);
        },
      },
    },
  } satisfies Record<'postgres' | 'sqlite', Core.Config.Database['connection']>;

  return {
    connection: {
      ...connections[client],
      acquireConnectionTimeout: env.int('DATABASE_CONNECTION_TIMEOUT', 60000),
    },
  };
};

export default config;
