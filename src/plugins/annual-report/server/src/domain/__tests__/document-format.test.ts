import { effectiveProfile } from '#domain/organization';
import {
  count,
  dateLine,
  dateLines,
  draftingUnitCode,
  headerLines,
  label,
  nameInText,
  numberOnly,
  profileDay,
  recipientsOf,
  yesNo,
  MARGINS_MM,
  marginsTwips,
  numberLine,
  PAGE,
  percent,
  recipientLines,
  shortDate,
  summaryLine,
  textWidthTwips,
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

describe('the number, once', () => {
  it('keeps the number only of a stored number', () => {
    expect(numberOnly('125')).toBe('125');
    expect(numberOnly(' 125 ')).toBe('125');
    expect(numberOnly('125/BC-STNMT')).toBe('125');
    expect(numberOnly('125/BC-STNMT/BC-SNNMT')).toBe('125');
    expect(numberOnly('/BC-STNMT')).toBeNull();
    expect(numberOnly('')).toBeNull();
    expect(numberOnly(null)).toBeNull();
  });
  it('prints a legacy number with its symbol only once, with the abbreviation given', () => {
    expect(numberLine('125/BC-STNMT', 'SNNMT')).toBe('Số: 125/BC-SNNMT');
    expect(numberLine('125/BC-STNMT/BC-SNNMT', 'STNMT')).toBe('Số: 125/BC-STNMT');
    expect(numberLine('/BC-STNMT', 'STNMT')).toBe('Số: ……/BC-STNMT');
  });
});

describe("the profile of the report's period", () => {
  const profiles = [
    { validFrom: '2020-01-01', issuingBody: 'SỞ TÀI NGUYÊN VÀ MÔI TRƯỜNG', abbreviation: 'STNMT' },
    { validFrom: '2025-07-01', issuingBody: 'SỞ NÔNG NGHIỆP VÀ MÔI TRƯỜNG', abbreviation: 'SNNMT' },
  ];
  it('is the one in force on the last day of the period, whenever the report is exported', () => {
    expect(profileDay({ periodTo: '2021-12-14' })).toBe('2021-12-14');
    expect(effectiveProfile(profiles, profileDay({ periodTo: '2021-12-14' }))?.abbreviation).toBe('STNMT');
    expect(effectiveProfile(profiles, profileDay({ periodTo: '2025-12-14' }))?.abbreviation).toBe('SNNMT');
    expect(effectiveProfile(profiles, profileDay({ periodTo: '2025-06-30' }))?.abbreviation).toBe('STNMT');
  });
});

describe('nameInText', () => {
  it('uses the name written for running text when the profile has one', () => {
    expect(
      nameInText({
        issuingBody: 'SỞ TÀI NGUYÊN VÀ MÔI TRƯỜNG',
        issuingBodyInText: ' Sở Tài nguyên và Môi trường ',
      })
    ).toBe('Sở Tài nguyên và Môi trường');
  });
  it('never writes the name in capitals inside a sentence', () => {
    expect(nameInText({ issuingBody: 'SỞ TÀI NGUYÊN VÀ MÔI TRƯỜNG' })).toBe('Sở tài nguyên và môi trường');
    expect(nameInText({ issuingBody: 'ĐÀI PHÁT THANH', issuingBodyInText: '' })).toBe('Đài phát thanh');
    expect(nameInText({ issuingBody: 'Sở Kiểm thử  và Đánh dấu' })).toBe('Sở Kiểm thử và Đánh dấu');
  });
});

describe('draftingUnitCode', () => {
  it('is the code of the active Office, the first by sort order', () => {
    expect(
      draftingUnitCode([
        { code: 'P-QLDD', kind: 'division', sortOrder: 1 },
        { code: 'VP-OLD', kind: 'office', active: false, sortOrder: 0 },
        { code: 'VP2', kind: 'office', sortOrder: 20 },
        { code: 'VP', kind: 'office', sortOrder: 10 },
      ])
    ).toBe('VP');
  });
  it('is null without an Office', () => {
    expect(draftingUnitCode([{ code: 'P-MT', kind: 'division' }])).toBeNull();
    expect(draftingUnitCode([])).toBeNull();
  });
});

describe('recipientsOf', () => {
  const profile = {
    superiorBody: 'UBND',
    issuingBody: 'SỞ',
    abbreviation: 'S',
    placeName: 'P',
    reportRecipients: 'UBND tỉnh (để báo cáo)',
  };
  it("takes the report's own list, else the profile's default", () => {
    expect(recipientsOf('Giám đốc Sở', profile)).toBe('Giám đốc Sở');
    expect(recipientsOf('  ', profile)).toBe('UBND tỉnh (để báo cáo)');
    expect(recipientsOf(null, profile)).toBe('UBND tỉnh (để báo cáo)');
    expect(recipientsOf(null, { ...profile, reportRecipients: undefined })).toBeNull();
  });
});

describe('labels of the lists', () => {
  it('labels the feedback values staff read', () => {
    expect(label('feedbackChannel', 'web')).toBe('Cổng thông tin');
    expect(label('feedbackKind', 'impractical_rule')).toBe('Quy định không phù hợp thực tế');
    expect(label('feedbackState', 'received')).toBe('Chờ phân loại');
    expect(label('feedbackState', 'not_accepted')).toBe('Không thụ lý');
    expect(label('procedureLevel', 'fully_online')).toBe('Dịch vụ công trực tuyến toàn trình');
    expect(label('feedbackState', 'unknown_value')).toBe('unknown_value');
    expect(label('feedbackState', null)).toBe('');
  });
  it('writes yes-no values as Có / Không', () => {
    expect([true, 1, '1', 'true'].map(yesNo)).toEqual(['Có', 'Có', 'Có', 'Có']);
    expect([false, 0, '0', 'false'].map(yesNo)).toEqual(['Không', 'Không', 'Không', 'Không']);
    expect([null, undefined, ''].map(yesNo)).toEqual(['', '', '']);
  });
});

describe('header lines', () => {
  // The left column of the header, less the cell margins, in twips; sizes in points.
  const LEFT = 4875;
  it('estimates capitals wider than small letters, bold wider than regular', () => {
    expect(textWidthTwips('ABC', 13)).toBeGreaterThan(textWidthTwips('abc', 13));
    expect(textWidthTwips('ABC', 13, true)).toBeGreaterThan(textWidthTwips('ABC', 13));
    expect(textWidthTwips('', 13)).toBe(0);
  });
  it('keeps a name that fits on one line', () => {
    expect(headerLines('SỞ TÀI NGUYÊN VÀ MÔI TRƯỜNG', LEFT, 13, true)).toEqual([
      'SỞ TÀI NGUYÊN VÀ MÔI TRƯỜNG',
    ]);
    expect(headerLines('  UBND TỈNH   BÀ RỊA - VŨNG TÀU ', LEFT, 13)).toEqual([
      'UBND TỈNH BÀ RỊA - VŨNG TÀU',
    ]);
    expect(headerLines('', LEFT, 13)).toEqual([]);
  });
  it('breaks a long name between whole words, before "VÀ", "THÀNH PHỐ", "TỈNH"', () => {
    expect(headerLines('ỦY BAN NHÂN DÂN THÀNH PHỐ HỒ CHÍ MINH', LEFT, 13)).toEqual([
      'ỦY BAN NHÂN DÂN',
      'THÀNH PHỐ HỒ CHÍ MINH',
    ]);
    expect(headerLines('SỞ NÔNG NGHIỆP VÀ MÔI TRƯỜNG', 4400, 13, true)).toEqual([
      'SỞ NÔNG NGHIỆP',
      'VÀ MÔI TRƯỜNG',
    ]);
    expect(headerLines('ỦY BAN NHÂN DÂN TỈNH BÀ RỊA - VŨNG TÀU', 4000, 13)).toEqual([
      'ỦY BAN NHÂN DÂN',
      'TỈNH BÀ RỊA - VŨNG TÀU',
    ]);
  });
  it('never starts or ends a line with a dash', () => {
    for (const width of [1500, 2000, 2500, 3000]) {
      const lines = headerLines('BÀ RỊA - VŨNG TÀU', width, 13);
      for (const line of lines) expect(line).not.toMatch(/^[-–]|[-–]$/);
    }
  });
  it('breaks the place and date line after the place only when it does not fit', () => {
    expect(dateLines('Bà Rịa – Vũng Tàu', '2021-12-20', 9000, 14)).toEqual([
      'Bà Rịa – Vũng Tàu, ngày 20 tháng 12 năm 2021',
    ]);
    expect(dateLines('Thành phố Hồ Chí Minh', '2026-12-04', 5397, 14)).toEqual([
      'Thành phố Hồ Chí Minh,',
      'ngày 04 tháng 12 năm 2026',
    ]);
  });
});
