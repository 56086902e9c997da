/**
 * Worker-thread entry started by ./in-worker.ts: writes the file its task names (DOCX or XLSX), pulling the lists'
 * rows from the main thread a batch at a time and reporting progress by message, and exits when the file is
 * complete. An error thrown here reaches the main thread as the worker's `error` event.
 */
import { parentPort, workerData } from 'worker_threads';
import type { ArticleListRow, FeedbackListRow, ListName } from './csv';
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

/** A list's rows, a batch at a time (each asked for when the one before is written). */
async function* batchesOf<R>(list: ListName): AsyncGenerator<R[]> {
  for (;;) {
    const batch = await new Promise<ToWorker>((resolve) => {
      answer = resolve;
      send({ type: 'next', list });
    });
    if (batch.rows.length > 0) yield batch.rows as R[];
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
