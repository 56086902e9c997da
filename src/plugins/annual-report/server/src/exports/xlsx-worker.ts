/**
 * Worker-thread entry started by ./xlsx-in-worker.ts: writes the workbook, pulling the lists' rows from the main
 * thread a batch at a time, reporting progress by message, and exits when the file is complete.
 */
import { parentPort, workerData } from 'worker_threads';
import type { ArticleListRow, FeedbackListRow, ListName } from './csv';
import type { FromWorker, ToWorker, WorkerTask } from './xlsx-in-worker';
import { writeXlsx } from './xlsx';

const port = parentPort!;
const task = workerData as WorkerTask;
const send = (message: FromWorker) => port.postMessage(message);

let answer: ((message: ToWorker) => void) | null = null;
port.on('message', (message: ToWorker) => {
  const waiting = answer;
  answer = null;
  waiting?.(message);
});

async function* rowsOf<R>(list: ListName): AsyncGenerator<R> {
  for (;;) {
    const batch = await new Promise<ToWorker>((resolve) => {
      answer = resolve;
      send({ type: 'next', list });
    });
    yield* batch.rows as R[];
    if (batch.done) return;
  }
}

writeXlsx(
  {
    ...task,
    lists: {
      articles: rowsOf<ArticleListRow>('articles'),
      feedback: rowsOf<FeedbackListRow>('feedback'),
    },
    onProgress: (step) => send({ type: 'progress', ...step }),
  },
  task.file
).then((counts) => {
  send({ type: 'done', counts });
  port.close();
});
