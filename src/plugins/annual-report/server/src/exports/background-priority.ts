/**
 * An export's worker thread is background work: it lowers its own thread's scheduling priority, so that on a machine
 * whose cores are all busy (the worker, the main thread, the database) the server's main thread, which answers
 * requests, gets a core as soon as it has work. Without it, at 1,000,000 rows on 2 cores, the main thread waited up
 * to 101–146 ms for a core during the XLSX and the full export (docs/PERFORMANCE.md).
 *
 * Linux only: there a thread has its own nice value, set through its thread id (/proc/thread-self names it). Where
 * a thread's id cannot be read, nothing changes: `setPriority` on the process would slow the server itself. Pure:
 * no Strapi.
 */
import fs from 'fs';
import os from 'os';

/** The nice value of an export's thread: well below the server's (0), not the lowest. */
export const BACKGROUND_NICE = 10;

/** This thread's id in the kernel, or null where it cannot be read (not Linux). */
function ownThreadId(): number | null {
  try {
    const link = fs.readlinkSync('/proc/thread-self'); // "<pid>/task/<tid>"
    const tid = Number(link.slice(link.lastIndexOf('/') + 1));
    return Number.isInteger(tid) && tid > 0 ? tid : null;
  } catch {
    return null;
  }
}

/**
 * Lowers the calling thread's priority to BACKGROUND_NICE (never raises it: an unprivileged thread could not take it
 * back). Returns the thread id it changed, or null when it changed nothing. Call it from a worker thread only: in
 * the main thread it would slow the requests it exists to favour.
 */
export function runInBackground(): number | null {
  const tid = ownThreadId();
  if (tid === null || tid === process.pid) return null;
  try {
    if (os.getPriority(tid) >= BACKGROUND_NICE) return null;
    os.setPriority(tid, BACKGROUND_NICE);
    return tid;
  } catch {
    return null; // a sandbox that forbids it: the export runs all the same, at the server's priority
  }
}
