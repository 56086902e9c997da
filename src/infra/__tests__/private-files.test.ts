import fs from 'fs/promises';
import os from 'os';
import path from 'path';
import type { Context } from 'koa';
import { readablePrivateFile, sendPrivateFile, type ReadablePrivateFile } from '../private-files';

describe('readablePrivateFile', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'private-files-'));
    await fs.writeFile(path.join(dir, 'abc.pdf'), 'hello');
    await fs.mkdir(path.join(dir, 'folder.pdf'));
  });
  afterAll(() => fs.rm(dir, { recursive: true, force: true }));

  it("describes the row's file from the disk: its size and its stored extension", async () => {
    expect(
      await readablePrivateFile(dir, {
        storedName: 'abc.pdf',
        mime: 'application/pdf',
        originalName: 'Đơn.pdf',
      })
    ).toEqual({
      path: path.join(dir, 'abc.pdf'),
      mime: 'application/pdf',
      size: 5,
      extension: '.pdf',
      originalName: 'Đơn.pdf',
    });
  });

  it('is null for a missing file or something that is not a file', async () => {
    const row = { mime: 'application/pdf', originalName: null };
    expect(await readablePrivateFile(dir, { ...row, storedName: 'gone.pdf' })).toBeNull();
    expect(await readablePrivateFile(dir, { ...row, storedName: 'folder.pdf' })).toBeNull();
  });

  it('never leaves the folder, whatever the stored name says', async () => {
    const file = await readablePrivateFile(dir, {
      storedName: '../../abc.pdf',
      mime: 'application/pdf',
      originalName: null,
    });
    expect(file?.path).toBe(path.join(dir, 'abc.pdf'));
  });
});

describe('sendPrivateFile', () => {
  it('sends a download that browsers neither render, sniff nor cache', async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'private-files-'));
    await fs.writeFile(path.join(dir, 'x.png'), 'png');
    const headers: Record<string, string> = {};
    const ctx = { set: (name: string, value: string) => (headers[name] = value) } as unknown as Context & {
      body: NodeJS.ReadableStream & { close(): void };
    };
    const file: ReadablePrivateFile = {
      path: path.join(dir, 'x.png'),
      mime: 'image/png',
      size: 3,
      extension: '.png',
      originalName: null,
    };
    sendPrivateFile(ctx, file);
    expect(headers).toEqual({
      'Content-Disposition': expect.stringMatching(/^attachment; filename="attachment\.png"/),
      'X-Content-Type-Options': 'nosniff',
      'Content-Security-Policy': "default-src 'none'; sandbox",
      'Cache-Control': 'private, no-store',
    });
    expect(ctx.type).toBe('image/png');
    expect(ctx.length).toBe(3);
    let text = '';
    for await (const chunk of ctx.body) text += String(chunk);
    expect(text).toBe('png');
    await fs.rm(dir, { recursive: true, force: true });
  });
});
