/**
 * Another Strapi node serving HTTP on the test's database (tests/setup/run-server.js), for tests of what several
 * nodes share: started with the test's environment plus `env`, resolved once it listens, killed after the file.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'child_process';
import path from 'path';
import { ROOT } from './env';

const nodes: ChildProcessWithoutNullStreams[] = [];
afterAll(() => {
  for (const node of nodes) if (node.exitCode === null) node.kill('SIGKILL');
});

export function startServerNode(
  port: number,
  env: Record<string, string> = {}
): Promise<ChildProcessWithoutNullStreams> {
  const child = spawn(process.execPath, [path.join(ROOT, 'tests', 'setup', 'run-server.js')], {
    cwd: ROOT,
    env: { ...process.env, DEMO_SEED: 'off', PORT: String(port), HOST: '127.0.0.1', ...env },
  });
  nodes.push(child);
  const log: string[] = [];
  return new Promise((resolve, reject) => {
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => log.push(chunk));
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      log.push(chunk);
      if (chunk.includes('@@node {"ready":true}')) resolve(child);
      if (chunk.includes('@@node {"error"')) reject(new Error(log.join('')));
    });
    child.on('exit', (code) => reject(new Error(`node exited (${code}):\n${log.join('').slice(-4000)}`)));
  });
}
