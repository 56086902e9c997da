import { judgeSubmissionFiles, submissionAttachmentLimits, type IncomingFile } from '../attachment-rules';

const PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\n' +
    'trailer<</Root 1 0 R>>\n%%EOF\n'
);
const SVG = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>');
const limits = { maxFiles: 3, maxFileBytes: 1024 };

const file = (bytes: Buffer, originalName: unknown = 'a.pdf'): IncomingFile & { reads: number } => {
  const incoming = {
    originalName,
    size: bytes.length,
    reads: 0,
    read: async () => {
      incoming.reads += 1;
      return bytes;
    },
  };
  return incoming;
};

describe('submission attachment limits', () => {
  it('defaults to 10 files of 20 MB, and ignores values that are not positive integers', () => {
    expect(submissionAttachmentLimits({})).toEqual({ maxFiles: 10, maxFileBytes: 20 * 1024 * 1024 });
    expect(
      submissionAttachmentLimits({ UNIT_SUBMISSION_MAX_FILES: '-1', UNIT_SUBMISSION_MAX_FILE_MB: '2.5' })
    ).toEqual({ maxFiles: 10, maxFileBytes: 20 * 1024 * 1024 });
    expect(
      submissionAttachmentLimits({ UNIT_SUBMISSION_MAX_FILES: '4', UNIT_SUBMISSION_MAX_FILE_MB: '5' })
    ).toEqual({ maxFiles: 4, maxFileBytes: 5 * 1024 * 1024 });
  });
});

describe('judging a submission’s files', () => {
  it('accepts files judged by their bytes, with cleaned names', async () => {
    const result = await judgeSubmissionFiles([file(PDF, 'dir/Giấy\u202Emời.pdf')], 0, limits, 'vi');
    expect(result).toMatchObject({ ok: true, value: [{ originalName: 'Giấymời.pdf' }] });
    if (result.ok) expect(result.value[0].attachment).toMatchObject({ kind: 'pdf', mime: 'application/pdf' });
  });

  it('reports each bad file by its index, in both languages', async () => {
    const result = await judgeSubmissionFiles(
      [file(PDF), file(SVG, 'logo.png'), file(Buffer.alloc(2048))],
      0,
      limits,
      'en'
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.map((e) => e.path)).toEqual([
      ['files', '1'],
      ['files', '2'],
    ]);
    expect(result.errors[1].message).toMatch(/^Each file is at most \d+ MB\.$/);
    expect(result.errors[0].messages?.vi).toBeTruthy();
  });

  it('refuses more files than the submission may hold, and an empty upload, without reading anything', async () => {
    const files = [file(PDF), file(PDF)];
    const tooMany = await judgeSubmissionFiles(files, 2, limits, 'vi');
    expect(tooMany).toMatchObject({ ok: false, errors: [{ path: ['files'] }] });
    expect(files.map((f) => f.reads)).toEqual([0, 0]);
    expect(await judgeSubmissionFiles([], 0, limits, 'vi')).toMatchObject({
      ok: false,
      errors: [{ path: ['files'] }],
    });
  });

  it('never reads a file larger than allowed', async () => {
    const big = file(Buffer.alloc(4096));
    await judgeSubmissionFiles([big], 0, limits, 'vi');
    expect(big.reads).toBe(0);
  });
});
