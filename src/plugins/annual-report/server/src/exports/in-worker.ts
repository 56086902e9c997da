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
 * survive the structured clone). The redaction of the feedback is shared between the two threads (below). A worker
 * that throws, exits or asks for something it was not given fails the export, never the server. Pure: no Strapi.
 */
import path from 'path';
import { Worker } from 'worker_threads';
import {
  isUnredacted,
  redactedRow,
  type ArticleListRow,
  type FeedbackListRow,
  type ListName,
  type UnredactedFeedbackRow,
} from './csv';
import type { ReportDocumentInput } from './docx';
import type { WorkbookInput } from './xlsx';

/** A row as it reaches the worker: a feedback the main thread has not redacted yet is redacted there. */
export type ListRow = ArticleListRow | FeedbackListRow | UnredactedFeedbackRow;

/** The workbook's input on the main thread: the feedback as read, with what their redaction needs. */
export type XlsxSources = Omit<WorkbookInput, 'lists'> & {
  lists: {
    articles: AsyncIterable<ArticleListRow[]>;
    feedback: AsyncIterable<(FeedbackListRow | UnredactedFeedbackRow)[]>;
  };
};

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
/** Rows the main thread redacts ahead in one turn of its event loop: about 1 ms. */
const REDACT_TURN = 100;
/** Batches read and waiting to be sent beyond which the main thread redacts the oldest: it is ahead of the worker. */
const REDACT_BEYOND = 4;
const nextTurn = () => new Promise((resolve) => setImmediate(resolve));

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
  onProgress?: XlsxSources['onProgress'];
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

  // The redaction, shared: the main thread redacts the batches read ahead, oldest first and a few rows a turn, while
  // it is ahead of the worker (more than REDACT_BEYOND batches wait); a batch the worker asks for goes as it is, and
  // the worker redacts the rest of it. So the thread with time to spare does it: the main thread while the worker
  // starts or writes slower than rows are read, the worker while the main thread is the slower (at 100,000 rows on
  // 2 cores the main thread was, 22% of its time in the redaction; the worker redacting all of it was the slower
  // instead, at 2.3x the bare write).
  const toRedact: { rows: ListRow[]; next: number }[] = [];
  let redacting = false;
  const redactAhead = async () => {
    if (redacting) return;
    redacting = true;
    try {
      while (toRedact.length > REDACT_BEYOND && !stopped) {
        const batch = toRedact[0];
        const end = Math.min(batch.next + REDACT_TURN, batch.rows.length);
        for (let i = batch.next; i < end; i += 1) {
          const row = batch.rows[i];
          if (isUnredacted(row)) batch.rows[i] = redactedRow(row);
        }
        batch.next = end;
        if (end === batch.rows.length) toRedact.shift();
        await nextTurn();
      }
    } finally {
      redacting = false;
    }
  };
  /** The batch leaves the main thread: what it still holds unredacted, the worker redacts. */
  const sent = (rows: ListRow[]) => {
    const at = toRedact.findIndex((batch) => batch.rows === rows);
    if (at >= 0) toRedact.splice(at, 1);
  };

  const fill = (list: ListName) => {
    const queue = queues.get(list) ?? [];
    queues.set(list, queue);
    while (queue.length < AHEAD) {
      const read = (queue.at(-1) ?? Promise.resolve(null)).then((before): Promise<ToWorker> | ToWorker =>
        before?.done || stopped ? { type: 'rows', rows: [], done: true } : readBatch(list)
      );
      // Runs before the worker's request for this batch is answered (attached first).
      read.then(
        ({ rows }) => {
          if (!rows.some(isUnredacted)) return;
          toRedact.push({ rows, next: 0 });
          void redactAhead();
        },
        () => undefined
      ); // awaited when the worker asks for it; a failed job never asks
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
      // The worker has one request out at a time (the batch after the one it writes); progress callbacks run in
      // order.
      let chain = Promise.resolve();
      const handle = async (message: FromWorker) => {
        if (message?.type === 'next') {
          const batch = await nextBatch(message.list);
          sent(batch.rows);
          worker.postMessage(batch);
        } else if (message?.type === 'progress')
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
export function writeXlsxInWorker(input: XlsxSources, file: string) {
  const { lists, onProgress, ...rest } = input;
  return inWorker<Record<ListName, number>>({ kind: 'xlsx', file, input: rest }, { lists, onProgress });
}
