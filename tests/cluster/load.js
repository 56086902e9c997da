/**
 * The load of the cluster tests and of bench:cluster, through nginx: public reads with autocannon and, at the same
 * time, citizens' feedback (multipart, one small PDF each), each with its own Idempotency-Key. A submission whose
 * answer is lost (network error, timeout, 502/503/504) or that finds its key still running on another node (409)
 * is sent again with the SAME key and the SAME body, form token included: the server replays the first answer when
 * the first attempt was stored (the saved answer commits with the feedback), and an attempt that was not stored
 * left the token unspent. 429 waits for Retry-After. Anything else is the server's final word.
 *
 * The nodes need FEEDBACK_MIN_FILL_SECONDS=0 and limits raised for one client IP (LOAD_ENV below): behind nginx
 * every request comes from 127.0.0.1.
 */
const crypto = require('crypto');
const autocannon = require('autocannon');

/** What a node needs so that one client may send this load (every request has nginx's client IP). */
const LOAD_ENV = {
  FEEDBACK_MIN_FILL_SECONDS: '0',
  FEEDBACK_SUBMIT_LIMIT: '1000000',
  FEEDBACK_SUBMIT_WINDOW_SECONDS: '60',
  FEEDBACK_LOOKUP_LIMIT: '1000000',
  SURVEY_SUBMIT_LIMIT: '1000000',
};

/** The public reads: the procedure list (response cache) and the search (each node's memory). */
const READ_PATHS = [
  '/api/procedures?fields[0]=nationalCode&fields[1]=name&sort=nationalCode&pagination[pageSize]=20',
  '/api/procedures/search?q=giay%20phep%20moi%20truong&pageSize=10',
];

/** A PDF the intake accepts (the API tests' fixture). */
const PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\n' +
    'trailer<</Root 1 0 R>>\n%%EOF\n'
);

/** Statuses after which the same request is sent again: the answer was lost, or the key is busy elsewhere. */
const RETRIED_STATUSES = new Set([409, 429, 502, 503, 504]);

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const bump = (counts, key) => {
  counts[key] = (counts[key] ?? 0) + 1;
};

/** One HTTP attempt: `{ status, headers, body }`, or `{ error }` for a network error or timeout. */
async function attempt(url, init, timeoutMs) {
  try {
    const res = await fetch(url, { ...init, signal: AbortSignal.timeout(timeoutMs) });
    const text = await res.text();
    let body = null;
    try {
      body = JSON.parse(text);
    } catch {
      body = text;
    }
    return { status: res.status, headers: res.headers, body };
  } catch (error) {
    return { error: error.name === 'TimeoutError' ? 'timeout' : error.cause?.code || error.message };
  }
}

/** The feedback each submission sends; `subject` holds the marker and the index, so rows can be counted by key. */
const feedbackData = (marker, index, formToken) => ({
  fullName: 'Nguyễn Văn Tải',
  address: '1 Lê Lợi',
  email: 'tai@demo.example',
  kind: 'other_issue',
  subject: `${marker} #${index}`,
  content: 'Phản ánh gửi trong lúc thử tải.',
  consent: { processing: true, publishAnswer: false },
  formToken,
  website: '',
});

/**
 * Starts the load. Returns `{ progress(), whenSucceeded(n), stop(), done }`; `done` resolves with the counts once
 * every submission has an outcome (and, with `untilStopped`, stop() was called). Reads run until then.
 * - submissions: how many to send (with untilStopped: at least that many, then more until stop());
 * - concurrency: submissions in flight at once; ratePerSecond: at most that many started per second (0: no cap);
 * - deadlineSeconds: after it, a submission still without an outcome is given up;
 * - marker: the subject's prefix (default: a random one), keys are `${marker}-${index}`.
 */
function startLoad({
  url,
  submissions = 300,
  concurrency = 8,
  ratePerSecond = 0,
  untilStopped = false,
  readConnections = 4,
  readPaths = READ_PATHS,
  attemptTimeoutSeconds = 20,
  deadlineSeconds = 240,
  marker = `load-${crypto.randomBytes(4).toString('hex')}`,
  file = PDF,
} = {}) {
  const startedAt = Date.now();
  const deadline = startedAt + deadlineSeconds * 1000;
  const timeoutMs = attemptTimeoutSeconds * 1000;
  const counts = {
    marker,
    reads: { ok: 0, failed: 0, byStatus: {}, errors: {}, failedAt: [] },
    submissions: {
      sent: 0,
      retried: 0,
      succeeded: 0,
      replayed: 0,
      givenUp: 0,
      retriesBy: {},
      finalBy: {},
    },
    keys: [],
  };
  const waiters = [];
  let stopped = !untilStopped;
  let release;
  const stopSignal = new Promise((resolve) => {
    release = resolve;
  });

  const reads = autocannon({
    url,
    connections: readConnections,
    duration: deadlineSeconds + 60,
    timeout: attemptTimeoutSeconds,
    // nginx closes a client's keep-alive connection after keepalive_requests (1,000) answers; a browser then
    // retries its GET on a new connection, autocannon writes the next request onto the closing one and counts an
    // ECONNRESET. Reconnecting sooner keeps that artefact of the load generator out of the counts.
    reconnectRate: 500,
    requests: readPaths.map((path) => ({ method: 'GET', path })),
  });
  reads.on('response', (_client, status) => {
    bump(counts.reads.byStatus, status);
    if (status >= 200 && status < 400) counts.reads.ok += 1;
    else {
      counts.reads.failed += 1;
      counts.reads.failedAt.push(Date.now());
    }
  });
  reads.on('reqError', (error) => {
    counts.reads.failed += 1;
    counts.reads.failedAt.push(Date.now());
    bump(counts.reads.errors, error.code || error.message);
  });
  const readsDone = new Promise((resolve) => reads.on('done', resolve));

  const notify = () => {
    for (const waiter of [...waiters]) {
      if (counts.submissions.succeeded >= waiter.n) {
        waiters.splice(waiters.indexOf(waiter), 1);
        waiter.resolve();
      }
    }
  };

  /** A form token, fetched again until one comes or the deadline passes. */
  async function formToken() {
    while (Date.now() < deadline) {
      const res = await attempt(`${url}/api/feedbacks/form`, {}, timeoutMs);
      if (res.status === 200) return res.body.data.formToken;
      await sleep(200);
    }
    return null;
  }

  async function submit(index) {
    const key = `${marker}-${index}`;
    const record = { key, index, attempts: 0, status: null, replayed: false, trackingCode: null };
    counts.keys.push(record);
    const token = await formToken();
    if (!token) {
      record.status = 'no-form';
      counts.submissions.givenUp += 1;
      bump(counts.submissions.finalBy, 'no-form');
      return;
    }
    const data = JSON.stringify(feedbackData(marker, index, token));
    counts.submissions.sent += 1;
    for (;;) {
      const body = new FormData();
      body.append('data', data);
      body.append('files', new Blob([file], { type: 'application/pdf' }), 'to-trinh.pdf');
      record.attempts += 1;
      const res = await attempt(
        `${url}/api/feedbacks`,
        { method: 'POST', headers: { 'Idempotency-Key': key }, body },
        timeoutMs
      );
      const outcome = res.error ?? res.status;
      if (res.status === 201) {
        record.status = 201;
        record.replayed = res.headers.get('idempotent-replayed') === 'true';
        record.trackingCode = res.body?.data?.trackingCode ?? null;
        counts.submissions.succeeded += 1;
        if (record.replayed) counts.submissions.replayed += 1;
        bump(counts.submissions.finalBy, 201);
        notify();
        return;
      }
      if (!res.error && !RETRIED_STATUSES.has(res.status)) {
        record.status = res.status;
        record.error = res.body?.error?.message;
        counts.submissions.givenUp += 1;
        bump(counts.submissions.finalBy, res.status);
        return;
      }
      if (Date.now() >= deadline) {
        record.status = outcome;
        counts.submissions.givenUp += 1;
        bump(counts.submissions.finalBy, `deadline after ${outcome}`);
        return;
      }
      if (record.attempts === 1) counts.submissions.retried += 1;
      bump(counts.submissions.retriesBy, outcome);
      const retryAfter = Number(res.headers?.get('retry-after'));
      await sleep(res.status === 429 && retryAfter ? retryAfter * 1000 : 250 + Math.random() * 250);
    }
  }

  let next = 0;
  let lastStart = 0;
  const spacing = ratePerSecond > 0 ? 1000 / ratePerSecond : 0;
  async function worker() {
    while ((next < submissions || !stopped) && Date.now() < deadline) {
      const index = next++;
      const wait = lastStart + spacing - Date.now();
      lastStart = Math.max(Date.now(), lastStart + spacing);
      if (wait > 0) await sleep(wait);
      await submit(index);
    }
  }

  const done = (async () => {
    await Promise.all(Array.from({ length: concurrency }, worker));
    if (!stopped) await Promise.race([stopSignal, sleep(deadline - Date.now())]);
    reads.stop();
    await readsDone;
    counts.seconds = Math.round((Date.now() - startedAt) / 100) / 10;
    return counts;
  })();

  return {
    marker,
    progress: () => ({ ...counts.submissions, readsOk: counts.reads.ok, readsFailed: counts.reads.failed }),
    whenSucceeded: (n) =>
      counts.submissions.succeeded >= n
        ? Promise.resolve()
        : new Promise((resolve) => waiters.push({ n, resolve })),
    stop: () => {
      stopped = true;
      release();
    },
    done,
  };
}

/** The counts as rows for console.table. */
function summary(counts) {
  const s = counts.submissions;
  return {
    'reads ok': counts.reads.ok,
    'reads failed': counts.reads.failed,
    'reads by status': JSON.stringify(counts.reads.byStatus),
    'read errors': JSON.stringify(counts.reads.errors),
    'submissions sent': s.sent,
    'submissions retried': s.retried,
    'retries by cause': JSON.stringify(s.retriesBy),
    succeeded: s.succeeded,
    'replayed (Idempotent-Replayed)': s.replayed,
    'given up': s.givenUp,
    'final answers': JSON.stringify(s.finalBy),
    seconds: counts.seconds,
  };
}

module.exports = { startLoad, summary, LOAD_ENV, READ_PATHS, PDF };
