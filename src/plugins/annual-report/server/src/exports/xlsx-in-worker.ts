/**
 * Writes the XLSX workbook (./xlsx.ts) in a worker thread with a bounded heap.
 *
 * Why: exceljs allocates a few kilobytes per list row. In the server's heap that garbage is collected lazily (V8
 * lets the old generation grow to several times its live size before a full collection), so a 90,000-row export
 * grew the Strapi process by 250 MB; in a worker whose old generation is capped it is collected as it goes. The
 * server's event loop also stays free for requests while the workbook is compressed.
 *
 * The main thread keeps the database: the worker asks for the next batch of a list and gets plain rows (dates
 * survive the structured clone). Pure: no Strapi.
 */
import path from 'path';
import { Worker } from 'worker_threads';
import type { ArticleListRow, FeedbackListRow, ListName } from './csv';
import type { WorkbookInput } from './xlsx';

/** What the worker receives: the workbook input without its iterators and callback, and the file to write. */
export type WorkerTask = Omit<WorkbookInput, 'lists' | 'onProgress'> & { file: string };

export type ToWorker = { type: 'rows'; rows: (ArticleListRow | FeedbackListRow)[]; done: boolean };

export type FromWorker =
  | { type: 'next'; list: ListName }
  | { type: 'progress'; sheet: string; rows: number }
  | { type: 'done'; counts: Record<ListName, number> };

/** Rows per message: large enough that cloning costs little, small enough to keep both heaps flat. */
export const BATCH = 500;

/**
 * The worker's heap. The workbook's live data is a few megabytes (styles, the current rows, zlib's window); the
 * rest is garbage, collected once the old generation reaches the cap. Measured with `npm run bench:report`.
 */
const RESOURCE_LIMITS = { maxOldGenerationSizeMb: 96, maxYoungGenerationSizeMb: 8 };

/** The compiled worker entry (this module runs from dist/, next to it). */
const WORKER_FILE = path.join(__dirname, 'xlsx-worker.js');

export async function writeXlsxInWorker(
  input: WorkbookInput,
  file: string
): Promise<Record<ListName, number>> {
  const { lists, onProgress, ...rest } = input;
  const task: WorkerTask = { ...rest, file };
  const iterators = {
    articles: lists.articles[Symbol.asyncIterator](),
    feedback: lists.feedback[Symbol.asyncIterator](),
  };
  const worker = new Worker(WORKER_FILE, { workerData: task, resourceLimits: RESOURCE_LIMITS });

  const nextBatch = async (list: ListName): Promise<ToWorker> => {
    const rows: (ArticleListRow | FeedbackListRow)[] = [];
    while (rows.length < BATCH) {
      const next = await iterators[list].next();
      if (next.done) return { type: 'rows', rows, done: true };
      rows.push(next.value);
    }
    return { type: 'rows', rows, done: false };
  };

  try {
    return await new Promise<Record<ListName, number>>((resolve, reject) => {
      let counts: Record<ListName, number> | null = null;
      // The worker sends one request at a time and waits for its answer; progress callbacks run in order.
      let chain = Promise.resolve();
      const handle = async (message: FromWorker) => {
        if (message.type === 'next') worker.postMessage(await nextBatch(message.list));
        else if (message.type === 'progress')
          await onProgress?.({ sheet: message.sheet, rows: message.rows });
        else counts = message.counts;
      };
      worker.on('message', (message: FromWorker) => {
        chain = chain.then(() => handle(message)).catch(reject);
      });
      worker.on('error', reject);
      worker.on('exit', (code) => {
        chain.then(() =>
          counts && code === 0
            ? resolve(counts)
            : reject(new Error(`Tiến trình ghi tệp XLSX dừng bất thường (mã ${code}).`))
        );
      });
    });
  } finally {
    // A failed job: stop the writer before its partial file is removed, and release the database cursors.
    await worker.terminate();
    await Promise.all(Object.values(iterators).map((it) => it.return?.()));
  }
}
