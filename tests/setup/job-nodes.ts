/**
 * Jobs that must run once across nodes, tested with two more Strapi processes on the test's database
 * (tests/setup/run-job.js): both start, then run the job for the same instant together.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'child_process';
import path from 'path';
import { ROOT } from './env';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Message = Record<string, any>;

export interface JobNode {
  child: ChildProcessWithoutNullStreams;
  /** Resolves with the first message that has `key`; throws on an error message, an exit or the timeout. */
  next(key: string, timeoutMs: number): Promise<Message>;
}

function startJobNode(now: Date, job: string): JobNode {
  const child = spawn(
    process.execPath,
    [path.join(ROOT, 'tests', 'setup', 'run-job.js'), now.toISOString(), job],
    {
      cwd: ROOT,
      env: { ...process.env, DEMO_SEED: 'off' },
    }
  );
  const messages: Message[] = [];
  const log: string[] = [];
  let pending = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
    const lines = (pending + chunk).split('\n');
    pending = lines.pop()!;
    for (const line of lines) {
      if (line.startsWith('@@job ')) messages.push(JSON.parse(line.slice(6)));
      else log.push(line);
    }
  });
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => log.push(chunk));
  const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
  return {
    child,
    async next(key, timeoutMs) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const found = messages.find((m) => key in m || 'error' in m);
        if (found) {
          if ('error' in found) throw new Error(`node ${child.pid}: ${found.error}\n${log.join('\n')}`);
          return found;
        }
        if (child.exitCode !== null || Date.now() > deadline) {
          await Promise.race([exited, new Promise((r) => setTimeout(r, 100))]);
          throw new Error(
            `node ${child.pid} sent no "${key}" (exit ${child.exitCode}):\n${log.join('\n').slice(-4000)}`
          );
        }
        await new Promise((r) => setTimeout(r, 100));
      }
    },
  };
}

/**
 * Call inside a `describe`: `runOnTwoNodes(now, job)` starts two nodes, lets them run `job` for `now` together and
 * resolves once both have exited, with each one's outcome and exit code. Nodes still running after the tests are
 * killed.
 */
export function useJobNodes() {
  const nodes: JobNode[] = [];
  afterAll(() => {
    for (const node of nodes) if (node.child.exitCode === null) node.child.kill('SIGKILL');
  });
  return {
    async runOnTwoNodes(now: Date, job: string) {
      const pair = [startJobNode(now, job), startJobNode(now, job)];
      nodes.push(...pair);
      await Promise.all(pair.map((node) => node.next('ready', 150_000)));
      for (const node of pair) node.child.stdin.write('go\n');
      const outcomes = (await Promise.all(pair.map((node) => node.next('outcome', 60_000)))).map(
        (m) => m.outcome
      );
      await Promise.all(
        pair.map((node) =>
          node.child.exitCode === null ? new Promise((resolve) => node.child.on('exit', resolve)) : null
        )
      );
      return { outcomes, exitCodes: pair.map((node) => node.child.exitCode) };
    },
  };
}
