import {
  documentParagraphs,
  feeAmount,
  parseNationalProcedure,
  readNationalProcedure,
  type NationalProcedure,
} from '../national-procedure';
import { DOSSIER_PLAIN, DOSSIER_WITH_STARRED_CASES, wordFile } from './word-files';

describe('readNationalProcedure on a Word export in the documented layout', () => {
  let procedure: NationalProcedure;
  beforeAll(async () => {
    procedure = await readNationalProcedure(await wordFile(DOSSIER_WITH_STARRED_CASES));
  });

  it('reads the header lines and the labelled fields ("Không có thông tin" as empty, paragraphs joined)', () => {
    expect(procedure).toMatchObject({
      nationalCode: '1.004359',
      announcingDecision: '379/QĐ-BNNMT',
      name: 'Cấp giấy phép khai thác, sử dụng nước dưới đất',
      levelText: 'Cấp Tỉnh',
      levels: ['province'],
      procedureType: 'TTHC được luật giao quy định chi tiết',
      field: 'Tài nguyên nước',
      subjects: 'Công dân Việt Nam, Doanh nghiệp',
      implementingAgency: 'Sở Nông nghiệp và Môi trường',
      competentAgency: 'Ủy ban nhân dân cấp tỉnh',
      receivingAddress: 'Trung tâm Phục vụ hành chính công tỉnh',
      authorisedAgency: '',
      coordinatingAgency: '',
      result: 'Giấy phép khai thác, sử dụng nước dưới đất',
      requirements: 'Có đề án khai thác nước dưới đất.\nKhông gây sụt lún đất.',
      keywords: 'giếng khoan, nước ngầm',
      description: '',
    });
  });

  it('reads the steps in order', () => {
    expect(procedure.steps).toEqual([
      'Bước 1: Tổ chức, cá nhân nộp hồ sơ.',
      'Bước 2: Sở Nông nghiệp và Môi trường thẩm định hồ sơ.',
    ]);
  });

  it('reads each channel with its time, fee lines, amount and description', () => {
    expect(procedure.channels).toEqual([
      {
        channel: 'in_person',
        processingTime: '30 Ngày làm việc',
        processingDays: 30,
        fee: 'Phí : 5 triệu Đồng (Lưu lượng dưới 200 m3/ngày đêm)\nLệ phí : 100.000 Đồng',
        feeAmount: 5_100_000,
        description: 'Nộp tại Bộ phận một cửa',
      },
      {
        channel: 'online',
        processingTime: '30 Ngày làm việc',
        processingDays: 30,
        fee: 'Phí : 5 triệu Đồng',
        feeAmount: 5_000_000,
        description: 'Qua Cổng dịch vụ công',
      },
      {
        channel: 'postal',
        processingTime: '30 Ngày',
        processingDays: 30,
        fee: '',
        feeAmount: null,
        description: 'Theo thỏa thuận với đơn vị bưu chính',
      },
    ]);
  });

  it('reads the dossier by case, with originals, copies and form names (starred case headings)', () => {
    expect(procedure.dossier).toEqual([
      {
        caseGroup: 'Trường hợp cấp mới',
        name: 'Đơn đề nghị cấp giấy phép',
        originals: 1,
        copies: 0,
        formTemplateName: 'Mẫu số 01.docx',
      },
      {
        caseGroup: 'Trường hợp cấp mới',
        name: 'Đề án khai thác nước dưới đất',
        originals: 1,
        copies: 2,
        formTemplateName: '',
      },
      {
        caseGroup: 'Trường hợp gia hạn',
        name: 'Đơn đề nghị gia hạn giấy phép',
        originals: 1,
        copies: 0,
        formTemplateName: 'Mẫu số 02.doc',
      },
    ]);
  });

  it('reads the plain case heading variant', async () => {
    const plain = await readNationalProcedure(await wordFile(DOSSIER_PLAIN));
    expect(plain.dossier).toEqual([
      { caseGroup: 'Bao gồm', name: 'Tờ khai', originals: 2, copies: 1, formTemplateName: 'Mẫu TK1.pdf' },
    ]);
  });

  it('reads the legal bases, four cells each, with a missing issuer', () => {
    expect(procedure.legalBases).toEqual([
      { symbol: '28/2023/QH15', title: 'Luật Tài nguyên nước', issuedOn: '2023-11-27', issuer: 'Quốc hội' },
      {
        symbol: '54/2024/NĐ-CP',
        title: 'Nghị định quy định việc hành nghề khoan nước dưới đất',
        issuedOn: '2024-05-16',
        issuer: '',
      },
      {
        symbol: '36/2024/TT-BTNMT',
        title: 'Thông tư quy định kỹ thuật',
        issuedOn: '2024-09-01',
        issuer: 'Bộ Tài nguyên và Môi trường',
      },
    ]);
  });

  it('refuses bytes that are not a Word document', async () => {
    await expect(readNationalProcedure(Buffer.from('not a zip'))).rejects.toThrow();
  });
});

describe('parseNationalProcedure', () => {
  it('takes a label whose value is in the next paragraph', () => {
    expect(
      parseNationalProcedure(['Mã thủ tục:', '1.012753.h19', 'Tên thủ tục :', 'Thủ tục A'])
    ).toMatchObject({
      nationalCode: '1.012753.H19',
      name: 'Thủ tục A',
    });
  });
});

describe('documentParagraphs', () => {
  it('joins runs, turns tabs into spaces and breaks into new lines, and reads table cells in order', () => {
    const xml =
      '<w:document xmlns:w="x"><w:body><w:p><w:r><w:t>Mã </w:t></w:r><w:r><w:t xml:space="preserve">thủ tục</w:t><w:tab/><w:t>A</w:t><w:br/><w:t>B</w:t></w:r></w:p>' +
      '<w:tbl><w:tr><w:tc><w:p><w:r><w:t>ô 1</w:t></w:r></w:p></w:tc><w:tc><w:p/></w:tc></w:tr></w:tbl></w:body></w:document>';
    expect(documentParagraphs(xml)).toEqual(['Mã thủ tục A\nB', 'ô 1', '']);
  });
});

describe('feeAmount', () => {
  it.each([
    ['Phí : 5 triệu Đồng (…)', 5_000_000],
    ['Lệ phí : 100.000 Đồng', 100_000],
    ['Phí : 1,5 triệu đồng', 1_500_000],
    ['Lệ phí : 0 Đồng', 0],
    ['Phí : 2 tỷ Đồng', 2_000_000_000],
    ['Phí : 1.250.000 đồng/hồ sơ', 1_250_000],
    ['Phí : theo quy định', null],
  ])('%p → %p', (line, amount) => {
    expect(feeAmount(line)).toBe(amount);
  });
});
