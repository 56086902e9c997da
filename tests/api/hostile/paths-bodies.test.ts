/**
 * Issue 12, D2–D5: every guard sees the normalised path (case, trailing and doubled slashes), bodies are capped by
 * the bytes that stream in, multipart is parsed only on file routes, and no temporary upload outlives its request.
 */
import fs from 'fs';
import http from 'http';
import type { AddressInfo } from 'net';
import os from 'os';
import path from 'path';
import request from 'supertest';
import { overrideEnv } from '../../setup/env-override';
import { PDF, png } from '../../setup/files';
import { adminLogin } from '../../setup/http';
import { storageCounts } from '../../setup/storage';
import { useStrapi } from '../../setup/strapi';

overrideEnv({
  FEEDBACK_MIN_FILL_SECONDS: '0',
  FEEDBACK_SUBMIT_LIMIT: '3',
  FEEDBACK_LOOKUP_LIMIT: '5',
  SURVEY_SUBMIT_LIMIT: '3',
  FEEDBACK_MAX_FILES: '2',
  FEEDBACK_MAX_FILE_MB: '1',
  PRIVATE_UPLOAD_DIR: fs.mkdtempSync(path.join(os.tmpdir(), 'h3-private-')),
  UPLOAD_TMP_DIR: fs.mkdtempSync(path.join(os.tmpdir(), 'h3-upload-tmp-')),
});

const app = useStrapi();
const MB = 1024 * 1024;

// The limiters live in the compiled app that Strapi runs.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const resetLimits = () => require('../../../dist/src/infra/rate-limit').resetRateLimiters();

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Entry = Record<string, any>;

const feedback = async (): Promise<Entry> => ({
  fullName: 'Lê Văn An',
  address: '5 Trần Hưng Đạo',
  email: 'an@demo.example',
  kind: 'other_issue',
  subject: 'Đường hỏng',
  content: 'Đề nghị sửa đường.',
  consent: { processing: true, publishAnswer: false },
  formToken: (await request(app.server()).get('/api/feedbacks/form')).body.data.formToken,
});

let port = 0;
beforeAll(async () => {
  const server = app.server();
  if (!server.listening) await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
});

/**
 * Streams a body of `total` bytes (`head`, then filler) with the given headers, chunked unless a Content-Length
 * is given, and stops writing as soon as the answer comes. Resolves with the status and the bytes written; with
 * `abortAfter`, destroys the connection once that many bytes are written and resolves with status 0.
 */
function stream(
  urlPath: string,
  headers: Record<string, string>,
  head: Buffer,
  total: number,
  abortAfter?: { bytes: number; then: () => Promise<void> }
): Promise<{ status: number; body: string; written: number }> {
  return new Promise((resolve, reject) => {
    let written = 0;
    let answered = false;
    const req = http.request({ host: '127.0.0.1', port, method: 'POST', path: urlPath, headers });
    req.on('response', (res) => {
      answered = true;
      let body = '';
      res.setEncoding('utf8').on('data', (chunk: string) => (body += chunk));
      res.on('end', () => {
        req.destroy();
        resolve({ status: res.statusCode ?? 0, body, written });
      });
    });
    req.on('error', (error) => {
      if (!answered && !abortAfter) reject(error);
    });
    const filler = Buffer.alloc(64 * 1024, 0x41);
    const pump = () => {
      while (!answered && !req.destroyed && written < total) {
        if (abortAfter && written >= abortAfter.bytes) {
          abortAfter.then().then(
            () => {
              req.destroy();
              resolve({ status: 0, body: '', written });
            },
            (error) => {
              req.destroy();
              reject(error);
            }
          );
          return;
        }
        const chunk = written === 0 ? head : filler.subarray(0, Math.min(filler.length, total - written));
        written += chunk.length;
        if (!req.write(chunk)) {
          req.once('drain', pump);
          return;
        }
      }
      if (!answered && written >= total) req.end();
    };
    pump();
  });
}

const multipartHead = (boundary: string, data: Entry, field = 'files') =>
  Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="data"\r\n\r\n${JSON.stringify(data)}\r\n` +
      `--${boundary}\r\nContent-Disposition: form-data; name="${field}"; filename="big.pdf"\r\n` +
      `Content-Type: application/pdf\r\n\r\n%PDF-1.4\n`
  );

async function until(check: () => Promise<boolean>, timeoutMs = 10_000) {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('D2: tracking codes never reach the log, whatever the path looks like', () => {
  it('redacts case variants, slashes, encodings and query strings', async () => {
    resetLimits();
    const submitted = await request(app.server())
      .post('/api/feedbacks')
      .send(await feedback());
    expect(submitted.status).toBe(201);
    const code: string = submitted.body.data.trackingCode;
    const lines: string[] = [];
    // The suite logs at `warn`; the request log is written from `http` on.
    const level = jest.spyOn(app.strapi().log, 'isLevelEnabled').mockReturnValue(true);
    const spy = jest.spyOn(app.strapi().log, 'http').mockImplementation(((line: string) => {
      lines.push(line);
    }) as never);
    try {
      for (const url of [
        `/api/FEEDBACKS/status/${code}`,
        `/api/feedbacks/Status/${code.toLowerCase()}`,
        `/api/feedbacks/status/${code}/`,
      ]) {
        expect((await request(app.server()).get(url)).status).toBe(200);
      }
      resetLimits();
      await request(app.server()).get(`//api//feedbacks/status/${code}`);
      await request(app.server()).get(`/api/feedbacks/status/x?trackingCode=${code}`);
      await request(app.server()).get(`/api/articles?filters[title][$eq]=${code.replace(/-/g, '')}`);
    } finally {
      spy.mockRestore();
      level.mockRestore();
    }
    expect(lines.length).toBeGreaterThanOrEqual(6);
    const secret = code.replace(/-/g, '').slice(0, 8).toUpperCase();
    for (const line of lines) expect(line.toUpperCase().replace(/-/g, '')).not.toContain(secret);
  });
});

describe('D3: case variants and slashes are limited and capped like the real path', () => {
  beforeEach(() => resetLimits());

  it('limits status lookups', async () => {
    const statuses = [];
    for (const url of [
      '/api/feedbacks/status/AAAA',
      '/api/Feedbacks/status/AAAA',
      '/api/FEEDBACKS/STATUS/AAAA',
      '/api/feedbacks/status/AAAA/',
      '//api//feedbacks//status/AAAA',
      '/api/Feedbacks/Status/AAAA',
    ]) {
      statuses.push((await request(app.server()).get(url)).status);
    }
    expect(statuses.slice(0, 5)).not.toContain(429);
    expect(statuses[5]).toBe(429);
  });

  it('limits submissions and surveys', async () => {
    const before = await storageCounts(app.strapi());
    const statuses = [];
    for (const url of ['/api/Feedbacks', '/api/feedbacks/', '/API/FEEDBACKS', '//api//feedbacks']) {
      statuses.push(
        (
          await request(app.server())
            .post(url)
            .send(await feedback())
        ).status
      );
    }
    expect(statuses).toEqual([201, 201, 201, 429]);
    expect((await storageCounts(app.strapi())).feedbacks).toBe(before.feedbacks + 3);

    const surveys = [];
    for (const url of [
      '/api/Survey-Responses',
      '/api/survey-responses/',
      '/API/SURVEY-RESPONSES',
      '/api/Survey-Responses',
    ]) {
      surveys.push((await request(app.server()).post(url).send({})).status);
    }
    expect(surveys).toEqual([400, 400, 400, 429]);
  });

  it('caps the declared size on every spelling of the path, before reading the body', async () => {
    const before = await storageCounts(app.strapi());
    const boundary = 'h3declared';
    const feedbackUpload = await stream(
      '/api/FEEDBACKS',
      { 'Content-Type': `multipart/form-data; boundary=${boundary}`, 'Content-Length': String(60 * MB) },
      multipartHead(boundary, await feedback()),
      60 * MB
    );
    expect(feedbackUpload.status).toBe(413);
    expect(feedbackUpload.written).toBeLessThan(20 * MB);
    // Under the 1 MB of every route, over the survey's 64 KB.
    const survey = await stream(
      '/api/Survey-Responses/',
      { 'Content-Type': 'application/json', 'Content-Length': String(512 * 1024) },
      Buffer.from('{"comment":"'),
      512 * 1024
    );
    expect(survey.status).toBe(413);
    expect(JSON.parse(survey.body).error.name).toBe('PayloadTooLargeError');
    expect(await storageCounts(app.strapi())).toEqual(before);
  });
});

describe('D4: chunked bodies are capped as they stream in', () => {
  beforeEach(() => resetLimits());

  it('refuses a chunked 60 MB upload with 413 without reading it all, and stores nothing', async () => {
    const before = await storageCounts(app.strapi());
    const boundary = 'h3boundary';
    const res = await stream(
      '/api/feedbacks',
      { 'Content-Type': `multipart/form-data; boundary=${boundary}`, 'Transfer-Encoding': 'chunked' },
      multipartHead(boundary, await feedback()),
      60 * MB
    );
    expect(res.status).toBe(413);
    expect(res.written).toBeLessThan(20 * MB);
    expect(await storageCounts(app.strapi())).toEqual(before);
  });

  it('refuses a chunked 60 MB body to the survey with 413, JSON or multipart alike', async () => {
    const before = await storageCounts(app.strapi());
    const json = await stream(
      '/api/survey-responses',
      { 'Content-Type': 'application/json', 'Transfer-Encoding': 'chunked' },
      Buffer.from('{"comment":"'),
      60 * MB
    );
    expect(json.status).toBe(413);
    expect(json.written).toBeLessThan(20 * MB);
    const boundary = 'h3survey';
    const multipart = await stream(
      '/api/Survey-Responses',
      { 'Content-Type': `multipart/form-data; boundary=${boundary}`, 'Transfer-Encoding': 'chunked' },
      multipartHead(boundary, {}),
      60 * MB
    );
    expect([400, 413]).toContain(multipart.status);
    expect(multipart.written).toBeLessThan(20 * MB);
    expect(await storageCounts(app.strapi())).toEqual(before);
  });

  it('caps every other route too, and refuses its multipart unread', async () => {
    const json = await stream(
      '/api/articles',
      { 'Content-Type': 'application/json', 'Transfer-Encoding': 'chunked' },
      Buffer.from('{"data":"'),
      30 * MB
    );
    expect(json.status).toBe(413);
    expect(json.written).toBeLessThan(15 * MB);
    const boundary = 'h3articles';
    const multipart = await stream(
      '/api/articles',
      { 'Content-Type': `multipart/form-data; boundary=${boundary}`, 'Transfer-Encoding': 'chunked' },
      multipartHead(boundary, {}, 'x'),
      30 * MB
    );
    expect(multipart.status).toBe(400);
    expect(multipart.written).toBeLessThan(15 * MB);
  });
});

describe('D5: multipart only on file routes, and no temporary upload left', () => {
  beforeEach(() => resetLimits());
  const big = Buffer.concat([PDF, Buffer.alloc(512 * 1024, 32)]);

  it.each(['/_health', '/api/articles', '/api/nothing', '/admin/login', '/api/feedbacks/status/x'])(
    'refuses multipart on %s without writing anything',
    async (url) => {
      const res = await request(app.server())
        .post(url)
        .attach('x', big, { filename: 'x.pdf', contentType: 'application/pdf' })
        .attach('y', big, { filename: 'y.pdf', contentType: 'application/pdf' });
      expect(res.status).toBe(400);
      expect(res.body.error.name).toBe('ValidationError');
      expect((await storageCounts(app.strapi())).tempFiles).toBe(0);
    }
  );

  it('removes the temporary files of a file route on success and on refusal', async () => {
    // Uploads go to the project's own temporary folder (where the sweep finds what a crash leaves) …
    const created = new Set<string>();
    const watcher = fs.watch(process.env.UPLOAD_TMP_DIR!, (_event, name) => name && created.add(name));
    const ok = await request(app.server())
      .post('/api/feedbacks')
      .field('data', JSON.stringify(await feedback()))
      .attach('files', PDF, { filename: 'a.pdf', contentType: 'application/pdf' });
    expect(ok.status).toBe(201);
    const before = await storageCounts(app.strapi());
    expect(before.tempFiles).toBe(0);
    for (const field of ['x', 'files']) {
      const refused = await request(app.server())
        .post('/api/feedbacks')
        .field('data', '{not json')
        .attach(field, big, { filename: 'a.pdf', contentType: 'application/pdf' })
        .attach('files', big, { filename: 'b.pdf', contentType: 'application/pdf' });
      expect(refused.status).toBe(400);
    }
    resetLimits();
    const tooMany = await request(app.server())
      .post('/api/feedbacks')
      .field('data', JSON.stringify(await feedback()))
      .attach('files', PDF, { filename: 'a.pdf', contentType: 'application/pdf' })
      .attach('files', PDF, { filename: 'b.pdf', contentType: 'application/pdf' })
      .attach('files', PDF, { filename: 'c.pdf', contentType: 'application/pdf' });
    expect(tooMany.status).toBe(400);
    expect(tooMany.body.error.details.errors[0].path).toEqual(['files']);
    watcher.close();
    // … and none is left there, whatever the outcome.
    expect(created.size).toBeGreaterThanOrEqual(5);
    expect(await storageCounts(app.strapi())).toEqual(before);
  });

  it('keeps the media library upload working, as the unit editor does it, and leaves no temporary file', async () => {
    const token = await adminLogin(app.server(), 'qldd@demo.example');
    const res = await request(app.server())
      .post('/upload')
      .set('Authorization', `Bearer ${token}`)
      .field('fileInfo', JSON.stringify({ name: 'anh.png' }))
      .attach('files', await png(8, 8), { filename: 'anh.png', contentType: 'image/png' });
    expect(res.status).toBe(201);
    expect(res.body[0]).toMatchObject({ name: 'anh.png', mime: 'image/png' });
    expect((await storageCounts(app.strapi())).tempFiles).toBe(0);
  });

  it('removes the partial file of a client that disconnects mid-upload', async () => {
    const before = await storageCounts(app.strapi());
    const boundary = 'h3abort';
    const res = await stream(
      '/api/feedbacks',
      {
        'Content-Type': `multipart/form-data; boundary=${boundary}`,
        'Content-Length': String(2 * MB),
      },
      multipartHead(boundary, await feedback()),
      2 * MB,
      {
        bytes: MB,
        // The upload has reached the temporary folder before the client goes away.
        then: () => until(async () => (await storageCounts(app.strapi())).tempFiles > 0),
      }
    );
    expect(res.status).toBe(0);
    await until(async () => (await storageCounts(app.strapi())).tempFiles === 0);
    expect(await storageCounts(app.strapi())).toEqual(before);
  });
});
