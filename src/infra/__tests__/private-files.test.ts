import fs from 'fs/promises';
import os from 'os';
import path from 'path';
import { Readable } from 'stream';
import type { Context } from 'koa';
import { readablePrivateFile, sendPrivateFile, withLocalCopy } from '../private-files';
import { DiskStore } from '../storage';

const text = async (stream: NodeJS.ReadableStream) => {
  let out = '';
  for await (const chunk of stream) out += String(chunk);
  return out;
};

describe('readablePrivateFile', () => {
  let dir: string;
  let store: DiskStore;
  beforeAll(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'private-files-'));
    store = new DiskStore(dir);
    await fs.writeFile(path.join(dir, 'abc.pdf'), 'hello');
    await fs.mkdir(path.join(dir, 'folder.pdf'));
  });
  afterAll(() => fs.rm(dir, { recursive: true, force: true }));

  it("opens the row's file from the store, with its size and its stored extension", async () => {
    const file = await readablePrivateFile(store, {
      storedName: 'abc.pdf',
      mime: 'application/pdf',
      originalName: 'Đơn.pdf',
    });
    expect(file).toMatchObject({
      mime: 'application/pdf',
      size: 5,
      extension: '.pdf',
      originalName: 'Đơn.pdf',
    });
    expect(await text(file!.stream)).toBe('hello');
  });

  it('is null for a missing file or something that is not a file', async () => {
    const row = { mime: 'application/pdf', originalName: null };
    expect(await readablePrivateFile(store, { ...row, storedName: 'gone.pdf' })).toBeNull();
    expect(await readablePrivateFile(store, { ...row, storedName: 'folder.pdf' })).toBeNull();
  });

  it('never leaves the folder, whatever the stored name says', async () => {
    for (const storedName of ['../../abc.pdf', 'x/../abc.pdf', '..\\abc.pdf']) {
      const file = await readablePrivateFile(store, {
        storedName,
        mime: 'application/pdf',
        originalName: null,
      });
      expect(await text(file!.stream)).toBe('hello');
    }
  });

  it('lends a local copy to code that needs a path, and removes it afterwards', async () => {
    const root = await fs.mkdtemp(path.join(os.tmpdir(), 'private-files-root-'));
    process.env.UPLOAD_TMP_DIR = path.join(root, 'tmp');
    try {
      let copy = '';
      const result = await withLocalCopy(store, root, 'abc.pdf', async (file) => {
        copy = file.path;
        expect(file.size).toBe(5);
        return fs.readFile(file.path, 'utf8');
      });
      expect(result).toBe('hello');
      expect(copy.startsWith(path.join(root, 'tmp'))).toBe(true);
      await expect(fs.stat(copy)).rejects.toThrow();
      expect(await withLocalCopy(store, root, 'gone.pdf', async () => 'used')).toBeNull();
    } finally {
      delete process.env.UPLOAD_TMP_DIR;
      await fs.rm(root, { recursive: true, force: true });
    }
  });
});

describe('sendPrivateFile', () => {
  it('sends a download that browsers neither render, sniff nor cache', async () => {
    const headers: Record<string, string> = {};
    const ctx = { set: (name: string, value: string) => (headers[name] = value) } as unknown as Context & {
      body: NodeJS.ReadableStream;
    };
    sendPrivateFile(ctx, {
      stream: Readable.from([Buffer.from('png')]),
      mime: 'image/png',
      size: 3,
      extension: '.png',
      originalName: null,
    });
    expect(headers).toEqual({
      'Content-Disposition': expect.stringMatching(/^attachment; filename="attachment\.png"/),
      'X-Content-Type-Options': 'nosniff',
      'Content-Security-Policy': "default-src 'none'; sandbox",
      'Cache-Control': 'private, no-store',
    });
    expect(ctx.type).toBe('image/png');
    expect(ctx.length).toBe(3);
    expect(await text(ctx.body)).toBe('png');
  });
});
