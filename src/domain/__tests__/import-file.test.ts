import { Document, Packer, Paragraph } from 'docx';
import { readImportFile } from '../import-file';
import { bigList, HOSTILE_FILES, LIST, zipBomb } from './hostile-import-files';

describe('readImportFile', () => {
  it('reads a national list with its hash', async () => {
    const file = await readImportFile(LIST);
    expect(file).toMatchObject({ ok: true, kind: 'xlsx', sha256: expect.stringMatching(/^[0-9a-f]{64}$/) });
    if (file.ok) expect(file.procedures).toHaveLength(271);
  });

  it('reads a Word file as one procedure, and refuses one without a code', async () => {
    const word = (lines: string[]) =>
      Packer.toBuffer(new Document({ sections: [{ children: lines.map((line) => new Paragraph(line)) }] }));
    const file = await readImportFile(
      await word(['Mã thủ tục: 1.004359', 'Tên thủ tục: Cấp giấy phép', 'Lĩnh vực: Nước'])
    );
    expect(file).toMatchObject({
      ok: true,
      kind: 'docx',
      procedures: [{ nationalCode: '1.004359', name: 'Cấp giấy phép' }],
    });
    expect(await readImportFile(await word(['Tên thủ tục: Không mã']))).toMatchObject({
      ok: false,
      problem: 'no_code',
    });
  });

  it.each(HOSTILE_FILES)('refuses %s', async (_what, make, problem) => {
    const file = await readImportFile(await make());
    expect(file).toMatchObject({ ok: false, problem });
    if (!file.ok) expect(file.message.en).not.toBe('');
  });

  it('refuses a zip bomb: more than twenty times the upload limit once unpacked', async () => {
    const bomb = await zipBomb(25);
    expect(bomb.length).toBeLessThan(1024 * 1024);
    expect(await readImportFile(bomb, { maxBytes: 1024 * 1024 })).toMatchObject({
      ok: false,
      problem: 'zip_too_large',
    });
  });

  it('refuses a file over the size limit', async () => {
    expect(await readImportFile(LIST, { maxBytes: 10_000 })).toMatchObject({
      ok: false,
      problem: 'too_large',
    });
  });

  it('refuses 100,000 rows', async () => {
    expect(await readImportFile(await bigList(100_000))).toMatchObject({
      ok: false,
      problem: 'too_many_rows',
    });
  }, 120_000);
});
