import {
  count,
  dateLine,
  MARGINS_MM,
  marginsTwips,
  numberLine,
  PAGE,
  percent,
  recipientLines,
  shortDate,
  summaryLine,
  upper,
} from '../document-format';

describe('Decree 30/2020 layout numbers', () => {
  it('is A4 with margins inside the ranges', () => {
    expect(PAGE).toEqual({ width: 11906, height: 16838 });
    expect(MARGINS_MM.top).toBeGreaterThanOrEqual(20);
    expect(MARGINS_MM.top).toBeLessThanOrEqual(25);
    expect(MARGINS_MM.bottom).toBeGreaterThanOrEqual(20);
    expect(MARGINS_MM.bottom).toBeLessThanOrEqual(25);
    expect(MARGINS_MM.left).toBeGreaterThanOrEqual(30);
    expect(MARGINS_MM.left).toBeLessThanOrEqual(35);
    expect(MARGINS_MM.right).toBeGreaterThanOrEqual(15);
    expect(MARGINS_MM.right).toBeLessThanOrEqual(20);
    expect(marginsTwips()).toEqual({ top: 1134, bottom: 1134, left: 1701, right: 850 });
  });
});

describe('dateLine', () => {
  it('writes day and month below 10 with a leading zero', () => {
    expect(dateLine('Hà Nội', '2020-01-05')).toBe('Hà Nội, ngày 05 tháng 01 năm 2020');
    expect(dateLine('Bà Rịa – Vũng Tàu', '2031-03-05')).toBe('Bà Rịa – Vũng Tàu, ngày 05 tháng 03 năm 2031');
    expect(dateLine(' Huế ', '2031-12-14')).toBe('Huế, ngày 14 tháng 12 năm 2031');
  });

  it('refuses anything but an ISO day', () => {
    expect(() => dateLine('Huế', '05/03/2031')).toThrow(TypeError);
  });
});

describe('numberLine', () => {
  it('pads numbers below 10 and joins the symbol without spaces', () => {
    expect(numberLine('5', 'STNMT')).toBe('Số: 05/BC-STNMT');
    expect(numberLine('125', 'snnmt')).toBe('Số: 125/BC-SNNMT');
    expect(numberLine(' 7 ', 'SỞ NN')).toBe('Số: 07/BC-SỞNN');
  });

  it('leaves a blank for a draft', () => {
    expect(numberLine(null, 'STNMT')).toBe('Số: ……/BC-STNMT');
    expect(numberLine('', 'STNMT')).toBe('Số: ……/BC-STNMT');
  });
});

describe('summaryLine', () => {
  it('drops the type name and capitalises', () => {
    expect(summaryLine('Báo cáo kết quả công tác truyền thông năm 2031')).toBe(
      'Kết quả công tác truyền thông năm 2031'
    );
    expect(summaryLine('  BÁO CÁO  tình hình   năm 2031')).toBe('Tình hình năm 2031');
    expect(summaryLine('Kết quả năm 2031')).toBe('Kết quả năm 2031');
  });
});

describe('recipientLines', () => {
  it('ends each line with ";" and the last with the archive line', () => {
    expect(recipientLines('UBND tỉnh (để báo cáo)\n- Giám đốc Sở;\n\n  Các phòng.  ', 'STNMT')).toEqual([
      '- UBND tỉnh (để báo cáo);',
      '- Giám đốc Sở;',
      '- Các phòng;',
      '- Lưu: VT, STNMT.',
    ]);
  });

  it('keeps an archive line given in the text, last', () => {
    expect(recipientLines('- Lưu: VT, VP;\n- Sở Tư pháp;', 'STNMT')).toEqual([
      '- Sở Tư pháp;',
      '- Lưu: VT, VP.',
    ]);
  });

  it('has the archive line even without recipients', () => {
    expect(recipientLines(null, 'SNNMT')).toEqual(['- Lưu: VT, SNNMT.']);
  });
});

describe('text helpers', () => {
  it('upper-cases Vietnamese', () => {
    expect(upper('ủy ban nhân dân thành phố hồ chí minh')).toBe('ỦY BAN NHÂN DÂN THÀNH PHỐ HỒ CHÍ MINH');
  });

  it('writes numbers, percentages and dates the Vietnamese way', () => {
    expect(count(100000)).toBe('100.000');
    expect(count(999)).toBe('999');
    expect(percent(87.5)).toBe('87,5%');
    expect(percent(null)).toBe('–');
    expect(shortDate('2031-03-05')).toBe('05/03/2031');
    expect(shortDate('2031-03-05T10:00:00Z')).toBe('05/03/2031');
  });
});
