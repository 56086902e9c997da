/**
 * Where a test run keeps its databases, shared by the global setup and every test file.
 * SQLite by default; PostgreSQL when DATABASE_URL is a postgres:// URL.
 */
import path from 'path';

export const ROOT = path.resolve(__dirname, '..', '..');
export const RUN_DIR = path.join(ROOT, '.tmp', 'tests');

/** The PostgreSQL server URL the run was started with (the global setup keeps it), or undefined for SQLite. */
export function baseDatabaseUrl(): string | undefined {
  const url = process.env.TEST_BASE_DATABASE_URL ?? process.env.DATABASE_URL;
  return url && /^postgres(ql)?:\/\//.test(url) ? url : undefined;
}

/** Fixed secrets for tests, so nothing is generated into a .env file. */
export const TEST_ENV: Record<string, string> = {
  NODE_ENV: 'test',
  // No developer .env leaks into the tests.
  ENV_PATH: path.join(RUN_DIR, 'no.env'),
  LOG_LEVEL: 'warn',
  APP_KEYS: 'test-app-key-000000000001,test-app-key-000000000002',
  API_TOKEN_SALT: 'test-api-token-salt-00000001',
  ADMIN_JWT_SECRET: 'test-admin-jwt-secret-000001',
  TRANSFER_TOKEN_SALT: 'test-transfer-token-salt-001',
  JWT_SECRET: 'test-jwt-secret-000000000001',
  ENCRYPTION_KEY: 'test-encryption-key-00000001',
  DEMO_PASSWORD: 'Demo@12345',
  STRAPI_TELEMETRY_DISABLED: 'true',
  BROWSER: 'none',
  // A test running at 02:30 in Vietnam must not see the retention job anonymise its fixtures.
  FEEDBACK_RETENTION_CRON: 'off',
  // Nor the oversight digest remind units about fixtures; tests call runDaily() themselves.
  OVERSIGHT_REMINDER_CRON: 'off',
  // Nor the rollups' drift check repair what a test corrupts on purpose; tests call runDaily() themselves.
  OVERSIGHT_ROLLUPS_CHECK_CRON: 'off',
};

/** A PostgreSQL URL pointing at another database of the same server. */
export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}
