/**
 * Word files in the national database's documented export layout (national-portal.md): a header of labelled
 * lines, grid-less tables, both dossier variants. No real sample is available; the readers' tests and the import's
 * API test build theirs from these parts.
 */
import { Document, Packer, Paragraph, Table, TableCell, TableRow } from 'docx';

/** A table of cells as the export has them: each cell one or more paragraphs. */
export const table = (rows: string[][][]) =>
  new Table({
    rows: rows.map(
      (cells) =>
        new TableRow({
          children: cells.map(
            (paragraphs) => new TableCell({ children: paragraphs.map((text) => new Paragraph(text)) })
          ),
        })
    ),
  });

export const p = (text: string) => new Paragraph(text);

export const HEADER = [
  p('Mã thủ tục: 1.004359'),
  p('Số quyết định: 379/QĐ-BNNMT'),
  p('Tên thủ tục: Cấp giấy phép khai thác, sử dụng nước dưới đất  '),
  p('Cấp thực hiện: Cấp Tỉnh'),
  p('Loại thủ tục: TTHC được luật giao quy định chi tiết'),
  p('Lĩnh vực: Tài nguyên nước'),
  p('Trình tự thực hiện:'),
  p('Bước 1: Tổ chức, cá nhân nộp hồ sơ.'),
  p('Bước 2: Sở Nông nghiệp và Môi trường thẩm định hồ sơ.'),
  p('Cách thức thực hiện:'),
  table([
    [['Hình thức nộp'], ['Thời hạn giải quyết'], ['Phí, lệ phí'], ['Mô tả']],
    [
      ['Trực tiếp'],
      ['30 Ngày làm việc'],
      ['Phí : 5 triệu Đồng (Lưu lượng dưới 200 m3/ngày đêm)', 'Lệ phí : 100.000 Đồng'],
      ['Nộp tại Bộ phận một cửa'],
    ],
    [['Trực tuyến'], ['30 Ngày làm việc'], ['Phí : 5 triệu Đồng'], ['Qua Cổng dịch vụ công']],
    [['Dịch vụ bưu chính'], ['30 Ngày'], ['Theo thỏa thuận với đơn vị bưu chính'], ['']],
  ]),
  p('Thành phần hồ sơ:'),
];

export const TAIL = [
  p('Đối tượng thực hiện: Công dân Việt Nam, Doanh nghiệp'),
  p('Cơ quan thực hiện: Sở Nông nghiệp và Môi trường'),
  p('Cơ quan có thẩm quyền: Ủy ban nhân dân cấp tỉnh'),
  p('Địa chỉ tiếp nhận HS: Trung tâm Phục vụ hành chính công tỉnh'),
  p('Cơ quan được ủy quyền: Không có thông tin'),
  p('Cơ quan phối hợp: Không có thông tin'),
  p('Kết quả thực hiện: Giấy phép khai thác, sử dụng nước dưới đất'),
  p('Căn cứ pháp lý:'),
  table([
    [['Số ký hiệu'], ['Trích yếu'], ['Ngày ban hành'], ['Cơ quan ban hành']],
    [['28/2023/QH15'], ['Luật Tài nguyên nước'], ['27-11-2023'], ['Quốc hội']],
    [['54/2024/NĐ-CP'], ['Nghị định quy định việc hành nghề khoan nước dưới đất'], ['16-05-2024'], []],
    [['36/2024/TT-BTNMT'], ['Thông tư quy định kỹ thuật'], ['1-9-2024'], ['Bộ Tài nguyên và Môi trường']],
  ]),
  p('Yêu cầu, điều kiện thực hiện:'),
  p('Có đề án khai thác nước dưới đất.'),
  p('Không gây sụt lún đất.'),
  p('Từ khóa: giếng khoan, nước ngầm'),
  p('Mô tả: Không có thông tin'),
];

/** The two dossier variants of the documented layout. */
export const DOSSIER_WITH_STARRED_CASES = [
  p('* Trường hợp cấp mới'),
  table([
    [['Tên giấy tờ'], ['Mẫu đơn, tờ khai'], ['Số lượng']],
    [['1) Đơn đề nghị cấp giấy phép'], ['Mẫu số 01.docx'], ['Bản chính: 1 Bản sao: 0']],
    [['2) Đề án khai thác nước dưới đất'], [], ['Bản chính: 1 Bản sao: 2']],
  ]),
  p('* Trường hợp gia hạn'),
  table([
    [['Tên giấy tờ'], ['Mẫu đơn, tờ khai'], ['Số lượng']],
    [['Đơn đề nghị gia hạn giấy phép'], ['Mẫu số 02.doc'], ['Bản chính: 1 Bản sao: 0']],
  ]),
];

export const DOSSIER_PLAIN = [
  p('Bao gồm'),
  table([
    [['Tên giấy tờ'], ['Mẫu đơn, tờ khai'], ['Số lượng']],
    [['Tờ khai'], ['Mẫu TK1.pdf'], ['Bản chính: 2 Bản sao: 1']],
  ]),
];

export async function wordFile(dossier: (Paragraph | Table)[]): Promise<Buffer> {
  const document = new Document({ sections: [{ children: [...HEADER, ...dossier, ...TAIL] }] });
  return Packer.toBuffer(document);
}
