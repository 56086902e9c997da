/**
 * Writes an export file (the DOCX of ./docx.ts, the XLSX of ./xlsx.ts) in a worker thread with a bounded heap: the
 * one way exports leave the main thread.
 *
 * Why: building a file is CPU work the server's event loop would otherwise wait on (the DOCX of a report held it
 * for about half a second; the XLSX of 100,000 rows for seconds), and exceljs allocates a few kilobytes per list
 * row: in the server's heap that garbage is collected lazily (V8 lets the old generation grow to several times its
 * live size before a full collection), so a 90,000-row export grew the Strapi process by 250 MB; in a worker whose
 * old generation is capped it is collected as it goes.
 *
 * The main thread keeps the database: the worker asks for the next batch of a list and gets plain rows (dates
 * survive the structured clone). A worker that throws, exits or asks for something it was not given fails the
 * export, never the server. Pure: no Strapi.
 */
import path from 'path';
import { Worker } from 'worker_threads';
import type { ArticleListRow, FeedbackListRow, ListName } from './csv';
import type { ReportDocumentInput } from './docx';
import type { WorkbookInput } from './xlsx';

type ListRow = ArticleListRow | FeedbackListRow;

/** What the worker receives: what to write, its input without iterators or callbacks, and the file. */
export type WorkerTask =
  | { kind: 'docx'; file: string; input: ReportDocumentInput }
  | { kind: 'xlsx'; file: string; input: Omit<WorkbookInput, 'lists' | 'onProgress'> };

export type ToWorker = { type: 'rows'; rows: ListRow[]; done: boolean };

export type FromWorker =
  | { type: 'next'; list: ListName }
  | { type: 'progress'; sheet: string; rows: number }
  | { type: 'done'; result: unknown };

/** Rows per message, at least: large enough that cloning costs little, small enough to keep both heaps flat. */
export const BATCH = 500;
/**
 * Batches read ahead of the worker, per list: about 12,000 rows, a few megabytes, and about what the main thread
 * reads in the half second the worker takes to start and write the figures' sheets.
 */
const AHEAD = 24;

/**
 * The worker's heap. The workbook's live data is a few megabytes (styles, the current rows, zlib's window); the
 * rest is garbage, collected once the old generation reaches the cap. The young generation is large enough that most
 * of a batch's rows and cells die in it (with 8 MB, 100,000 rows took 400 scavenges, a fifth of the worker's time).
 * Measured with `npm run bench:report`.
 */
const RESOURCE_LIMITS = { maxOldGenerationSizeMb: 96, maxYoungGenerationSizeMb: 16 };

/** The compiled worker entry (this module runs from dist/, next to it). */
const WORKER_FILE = path.join(__dirname, 'worker.js');

interface Sources {
  lists?: Partial<Record<ListName, AsyncIterable<ListRow[]>>>;
  onProgress?: WorkbookInput['onProgress'];
}

async function inWorker<R>(task: WorkerTask, { lists = {}, onProgress }: Sources): Promise<R> {
  const iterators = new Map<ListName, AsyncIterator<ListRow[]>>();
  const iteratorOf = (list: ListName) => {
    let iterator = iterators.get(list);
    if (!iterator) {
      const source = lists[list];
      if (!source) throw new Error(`the ${task.kind} worker asked for a list it was not given: ${list}`);
      iterator = source[Symbol.asyncIterator]();
      iterators.set(list, iterator);
    }
    return iterator;
  };
  const readBatch = async (list: ListName): Promise<ToWorker> => {
    const iterator = iteratorOf(list);
    let rows: ListRow[] = [];
    while (rows.length < BATCH) {
      const next = await iterator.next();
      if (next.done) return { type: 'rows', rows, done: true };
      rows = rows.length === 0 ? next.value : rows.concat(next.value);
    }
    return { type: 'rows', rows, done: false };
  };
  // Batches read ahead, per list, from the start: the main thread reads while the worker starts (exceljs's load, the
  // figures' sheets) and while it writes the list before (the articles, before the feedback are asked for); then
  // reading and writing overlap on 2 cores instead of taking turns. One list's batches are read one after the
  // other: an iterator is not read concurrently.
  const queues = new Map<ListName, Promise<ToWorker>[]>();
  let stopped = false;
  const fill = (list: ListName) => {
    const queue = queues.get(list) ?? [];
    queues.set(list, queue);
    while (queue.length < AHEAD) {
      const read = (queue.at(-1) ?? Promise.resolve(null)).then((before): Promise<ToWorker> | ToWorker =>
        before?.done || stopped ? { type: 'rows', rows: [], done: true } : readBatch(list)
      );
      read.catch(() => undefined); // awaited when the worker asks for it; a failed job never asks
      queue.push(read);
    }
    return queue;
  };
  const nextBatch = (list: ListName): Promise<ToWorker> => {
    const batch = fill(list).shift()!;
    fill(list);
    return batch;
  };
  for (const list of Object.keys(lists) as ListName[]) fill(list);

  const worker = new Worker(WORKER_FILE, { workerData: task, resourceLimits: RESOURCE_LIMITS });
  try {
    return await new Promise<R>((resolve, reject) => {
      let finished: { result: R } | null = null;
      // The worker sends one request at a time and waits for its answer; progress callbacks run in order.
      let chain = Promise.resolve();
      const handle = async (message: FromWorker) => {
        if (message?.type === 'next') worker.postMessage(await nextBatch(message.list));
        else if (message?.type === 'progress')
          await onProgress?.({ sheet: message.sheet, rows: message.rows });
        else if (message?.type === 'done') finished = { result: message.result as R };
        else throw new Error(`unexpected message from the ${task.kind} worker`);
      };
      worker.on('message', (message: FromWorker) => {
        chain = chain.then(() => handle(message)).catch(reject);
      });
      worker.on('error', reject);
      worker.on('exit', (code) => {
        chain.then(() =>
          finished && code === 0
            ? resolve(finished.result)
            : reject(new Error(`Tiến trình ghi tệp ${task.kind.toUpperCase()} dừng bất thường (mã ${code}).`))
        );
      });
    });
  } finally {
    // A failed job: stop the writer before its partial file is removed, and release the database cursors (once
    // the batch being read is through: a generator that is running cannot be returned).
    stopped = true;
    await worker.terminate();
    await Promise.allSettled([...queues.values()].map((queue) => queue.at(-1)));
    await Promise.all([...iterators.values()].map((it) => it.return?.()));
  }
}

/** Writes the report's DOCX to `file` in a worker; resolves to its size in bytes. */
export const writeDocxInWorker = (input: ReportDocumentInput, file: string) =>
  inWorker<number>({ kind: 'docx', file, input }, {});

/** Writes the workbook to `file` in a worker, streaming the lists to it; resolves to the lists' row counts. */
export function writeXlsxInWorker(input: WorkbookInput, file: string) {
  const { lists, onProgress, ...rest } = input;
  return inWorker<Record<ListName, number>>({ kind: 'xlsx', file, input: rest }, { lists, onProgress });
}
