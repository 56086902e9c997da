/**
 * The object store's contract, the same tests against both implementations: the disk (a temp folder) and S3
 * (s3rver in this process). Then the orphan sweep against both.
 */
import { createHash, randomBytes } from 'crypto';
import { createWriteStream } from 'fs';
import fs from 'fs/promises';
import os from 'os';
import path from 'path';
import { DiskStore, S3Store, StorageKeyError, type ObjectStore } from '../storage';
import { sweepOrphans } from '../private-files';
import { startS3, type TestS3 } from './s3-server';

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

async function read(store: ObjectStore, key: string) {
  const found = await store.get(key);
  if (!found) return null;
  const chunks: Buffer[] = [];
  for await (const chunk of found.stream) chunks.push(Buffer.from(chunk));
  return { bytes: Buffer.concat(chunks), size: found.size };
}

async function keys(store: ObjectStore, prefix: string) {
  const found: string[] = [];
  for await (const object of store.list(prefix)) found.push(object.key);
  return found.sort();
}

let s3: TestS3;
let scratch: string;
beforeAll(async () => {
  s3 = await startS3();
  scratch = await fs.mkdtemp(path.join(os.tmpdir(), 'storage-test-'));
}, 30_000);
afterAll(async () => {
  await s3.stop();
  await fs.rm(scratch, { recursive: true, force: true });
});

/** A fresh, empty store of each kind for each test file section. */
const kinds: [string, () => Promise<ObjectStore>][] = [
  ['disk', async () => new DiskStore(await fs.mkdtemp(path.join(scratch, 'disk-')))],
  ['s3', async () => new S3Store(s3.config, `${randomBytes(4).toString('hex')}/private/`)],
];

describe.each(kinds)('%s store', (kind, make) => {
  let store: ObjectStore;
  beforeAll(async () => {
    store = await make();
  });
  afterAll(() => store.close());

  it('is the kind it says, and reachable', async () => {
    expect(store.kind).toBe(kind);
    await expect(store.ping()).resolves.toBeUndefined();
  });

  it('puts bytes and gets them back as a stream, with their size and date', async () => {
    const bytes = Buffer.from('Đơn phản ánh, kiến nghị');
    const before = Date.now();
    await store.put('a.pdf', bytes, 'application/pdf');
    expect(await read(store, 'a.pdf')).toEqual({ bytes, size: bytes.length });
    const stat = await store.stat('a.pdf');
    expect(stat?.size).toBe(bytes.length);
    // S3 dates are whole seconds.
    expect(Math.abs(stat!.modifiedAt.getTime() - before)).toBeLessThan(5_000);
    await store.put('a.pdf', Buffer.from('v2'));
    expect((await read(store, 'a.pdf'))?.bytes.toString()).toBe('v2');
  });

  it('answers null for a missing key, and deletes missing keys without complaint', async () => {
    expect(await store.get('missing.pdf')).toBeNull();
    expect(await store.stat('missing.pdf')).toBeNull();
    expect(await store.get('no-such-folder/missing.pdf')).toBeNull();
    await expect(store.delete(['missing.pdf', 'no-such-folder/missing.pdf'])).resolves.toBeUndefined();
  });

  it('deletes', async () => {
    await store.put('gone-1.txt', Buffer.from('1'));
    await store.put('gone-2.txt', Buffer.from('2'));
    await store.delete(['gone-1.txt', 'gone-2.txt']);
    expect(await store.stat('gone-1.txt')).toBeNull();
    expect(await store.get('gone-2.txt')).toBeNull();
    await store.delete([]);
  });

  it('lists the direct children of a prefix only', async () => {
    const fresh = await make();
    await fresh.put('top-1.pdf', Buffer.from('1'));
    await fresh.put('top-2.png', Buffer.from('22'));
    await fresh.put('annual-report-exports/e1.xlsx', Buffer.from('333'));
    await fresh.put('annual-report-exports/deeper/e2.csv', Buffer.from('4444'));
    expect(await keys(fresh, '')).toEqual(['top-1.pdf', 'top-2.png']);
    expect(await keys(fresh, 'annual-report-exports/')).toEqual(['annual-report-exports/e1.xlsx']);
    expect(await keys(fresh, 'top-1')).toEqual(['top-1.pdf']);
    expect(await keys(fresh, 'nothing-here/')).toEqual([]);
    const listed = [];
    for await (const object of fresh.list('annual-report-exports/')) listed.push(object);
    expect(listed).toEqual([
      { key: 'annual-report-exports/e1.xlsx', size: 3, modifiedAt: expect.anything() },
    ]);
    await fresh.close();
  });

  it('lists past a page of results', async () => {
    const names = Array.from({ length: 1005 }, (_, i) => `many/${String(i).padStart(4, '0')}.txt`);
    for (let i = 0; i < names.length; i += 50) {
      await Promise.all(names.slice(i, i + 50).map((name) => store.put(name, Buffer.from(name))));
    }
    expect(await keys(store, 'many/')).toEqual(names);
  }, 120_000);

  it('refuses bad keys in every operation', async () => {
    const bad = ['../escape.pdf', '/etc/passwd', 'a\\b.pdf', 'a//b.pdf', '', 'x/../../y'];
    for (const key of bad) {
      await expect(store.put(key, Buffer.from('x'))).rejects.toThrow(StorageKeyError);
      await expect(store.get(key)).rejects.toThrow(StorageKeyError);
      await expect(store.stat(key)).rejects.toThrow(StorageKeyError);
      await expect(store.delete([key])).rejects.toThrow(StorageKeyError);
    }
    await expect(keys(store, '../')).rejects.toThrow(StorageKeyError);
    await expect(keys(store, '/')).rejects.toThrow(StorageKeyError);
  });

  it('puts a large local file by streaming it, and removes the source', async () => {
    const source = path.join(scratch, `large-${kind}.bin`);
    const hash = createHash('sha256');
    const out = createWriteStream(source);
    for (let i = 0; i < 10; i++) {
      const chunk = randomBytes(1024 * 1024);
      hash.update(chunk);
      out.write(chunk);
    }
    await new Promise((resolve, reject) => out.end(resolve).on('error', reject));
    const expected = hash.digest('hex');

    await store.put('annual-report-exports/large.xlsx', { path: source });
    await expect(fs.stat(source)).rejects.toThrow();
    const found = await read(store, 'annual-report-exports/large.xlsx');
    expect(found?.size).toBe(10 * 1024 * 1024);
    expect(sha256(found!.bytes)).toBe(expected);
  }, 60_000);
});

describe('disk store', () => {
  it('keeps files 0600 and folders 0700, and leaves no temporary file behind', async () => {
    const root = path.join(await fs.mkdtemp(path.join(scratch, 'modes-')), 'private');
    const store = new DiskStore(root);
    await store.put('annual-report-exports/x.csv', Buffer.from('a;b'));
    const source = path.join(scratch, 'from-elsewhere.pdf');
    await fs.writeFile(source, 'pdf', { mode: 0o644 });
    await store.put('y.pdf', { path: source });
    const mode = async (p: string) => (await fs.stat(p)).mode & 0o777;
    expect(await mode(root)).toBe(0o700);
    expect(await mode(path.join(root, 'annual-report-exports'))).toBe(0o700);
    expect(await mode(path.join(root, 'annual-report-exports', 'x.csv'))).toBe(0o600);
    expect(await mode(path.join(root, 'y.pdf'))).toBe(0o600);
    expect((await fs.readdir(root)).sort()).toEqual(['annual-report-exports', 'y.pdf']);
  });

  it('is not a file when the key is a folder', async () => {
    const store = new DiskStore(await fs.mkdtemp(path.join(scratch, 'folder-')));
    await store.put('folder/x.pdf', Buffer.from('x'));
    expect(await store.get('folder')).toBeNull();
    expect(await store.stat('folder')).toBeNull();
  });
});

describe('s3 store', () => {
  it('keeps its objects under its prefix, each with its SHA-256 in the metadata', async () => {
    const store = new S3Store(s3.config, 'site/private/');
    const other = new S3Store(s3.config, 'site/');
    await store.put('k.pdf', Buffer.from('pdf'));
    expect(await keys(other, 'private/')).toEqual(['private/k.pdf']);
    expect((await store.stat('k.pdf'))?.sha256).toBe(sha256(Buffer.from('pdf')));
    await Promise.all([store.close(), other.close()]);
  });

  it('fails, rather than finding nothing, when the bucket is missing', async () => {
    const store = new S3Store({ ...s3.config, bucket: 'no-such-bucket' });
    await expect(store.ping()).rejects.toThrow();
    await expect(store.get('a.pdf')).rejects.toThrow();
    await store.close();
  });
});

describe.each(kinds)('orphan sweep, %s store', (_kind, make) => {
  it('removes old attachments that no row refers to, and nothing else', async () => {
    const store = await make();
    await store.put('orphan.pdf', Buffer.from('o'));
    await store.put('kept.pdf', Buffer.from('k'));
    await store.put('annual-report-exports/export.xlsx', Buffer.from('e'));
    const asked: string[][] = [];
    const referenced = async (names: string[]) => {
      asked.push([...names].sort());
      return new Set(names.filter((name) => name === 'kept.pdf'));
    };
    // Young files are kept whatever refers to them: they may belong to a request in flight.
    expect(await sweepOrphans(store, referenced, 60 * 60_000)).toBe(0);
    // S3 dates are whole seconds: wait until these are clearly in the past.
    await new Promise((resolve) => setTimeout(resolve, 1_100));
    expect(await sweepOrphans(store, referenced, 0)).toBe(1);
    expect(asked[asked.length - 1]).toEqual(['kept.pdf', 'orphan.pdf']);
    expect(await store.stat('orphan.pdf')).toBeNull();
    expect(await store.stat('kept.pdf')).not.toBeNull();
    expect(await store.stat('annual-report-exports/export.xlsx')).not.toBeNull();
    await store.close();
  });

  it("sweeps a folder's files by their names in it, leaving the top level alone", async () => {
    const store = await make();
    await store.put('top.pdf', Buffer.from('t'));
    await store.put('annual-report-exports/done.xlsx', Buffer.from('d'));
    await store.put('annual-report-exports/failed.xlsx', Buffer.from('f'));
    await new Promise((resolve) => setTimeout(resolve, 1_100));
    const asked: string[][] = [];
    const referenced = async (names: string[]) => {
      asked.push([...names].sort());
      return new Set(names.filter((name) => name === 'done.xlsx'));
    };
    expect(await sweepOrphans(store, referenced, 0, 'annual-report-exports')).toBe(1);
    expect(asked).toEqual([['done.xlsx', 'failed.xlsx']]);
    expect(await keys(store, 'annual-report-exports/')).toEqual(['annual-report-exports/done.xlsx']);
    expect(await store.stat('top.pdf')).not.toBeNull();
    await store.close();
  });
});
