import { dropDatabase, templateName } from './database';

export default async function globalTeardown() {
  const runId = process.env.TEST_RUN_ID;
  if (runId) await dropDatabase(templateName(runId));
}
