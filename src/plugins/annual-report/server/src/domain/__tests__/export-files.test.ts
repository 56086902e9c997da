import { exportFileName, listOfFileName } from '../export-files';

describe('exportFileName', () => {
  it('is short, ASCII, without spaces', () => {
    expect(exportFileName(2021, 'docx')).toBe('bao-cao-2021.docx');
    expect(exportFileName(2021, 'xlsx')).toBe('bao-cao-2021.xlsx');
    expect(exportFileName(2021, 'csv', 'feedback')).toBe('bao-cao-2021-danh-sach-pakn.csv');
    expect(exportFileName(2021, 'csv', 'articles')).toBe('bao-cao-2021-danh-sach-tin-bai.csv');
    for (const name of [exportFileName(2031, 'docx'), exportFileName(2031, 'csv', 'feedback')])
      expect(name).toMatch(/^[a-z0-9.-]+$/);
  });
});

describe('listOfFileName', () => {
  it('reads the list of a CSV job back from its name, old names too', () => {
    expect(listOfFileName('csv', 'bao-cao-2021-danh-sach-pakn.csv')).toBe('feedback');
    expect(listOfFileName('csv', 'bao-cao-2021-danh-sach-tin-bai.csv')).toBe('articles');
    expect(listOfFileName('csv', 'Báo cáo năm 2021 - Danh sách PAKN.csv')).toBe('feedback');
    expect(listOfFileName('docx', 'bao-cao-2021.docx')).toBeNull();
  });
});
