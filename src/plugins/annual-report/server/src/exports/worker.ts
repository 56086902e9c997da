/**
 * Worker-thread entry started by ./in-worker.ts: writes the file its task names (DOCX or XLSX), pulling the lists'
 * rows from the main thread a batch at a time and reporting progress by message, and exits when the file is
 * complete. An error thrown here reaches the main thread as the worker's `error` event.
 */
import { parentPort, workerData } from 'worker_threads';
import { redactedRows, type ArticleListRow, type FeedbackListRow, type ListName } from './csv';
import type { FromWorker, ToWorker, WorkerTask } from './in-worker';
import { runInBackground } from './background-priority';

runInBackground();
const port = parentPort!;
const task = workerData as WorkerTask;
const send = (message: FromWorker) => port.postMessage(message);

let answer: ((message: ToWorker) => void) | null = null;
port.on('message', (message: ToWorker) => {
  const waiting = answer;
  answer = null;
  waiting?.(message);
});

/**
 * A list's rows, a batch at a time, with the feedback the main thread had not redacted yet redacted here. The next
 * batch is asked for before this one is written: it crosses meanwhile, and the worker does not wait for a turn of the
 * main thread's event loop between two batches.
 */
async function* batchesOf<R>(list: ListName): AsyncGenerator<R[]> {
  const ask = () =>
    new Promise<ToWorker>((resolve) => {
      answer = resolve;
      send({ type: 'next', list });
    });
  let next = ask();
  for (;;) {
    const batch = await next;
    if (!batch.done) next = ask();
    if (batch.rows.length > 0) yield redactedRows(batch.rows) as R[];
    if (batch.done) return;
  }
}

async function write(): Promise<unknown> {
  // Each kind loads only its own library (docx or exceljs).
  if (task.kind === 'docx') {
    const { writeDocx } = await import('./docx');
    return writeDocx(task.input, task.file);
  }
  const { writeXlsx } = await import('./xlsx');
  return writeXlsx(
    {
      ...task.input,
      lists: {
        articles: batchesOf<ArticleListRow>('articles'),
        feedback: batchesOf<FeedbackListRow>('feedback'),
      },
      onProgress: (step) => send({ type: 'progress', ...step }),
    },
    task.file
  );
}

write().then((result) => {
  send({ type: 'done', result });
  port.close();
});
