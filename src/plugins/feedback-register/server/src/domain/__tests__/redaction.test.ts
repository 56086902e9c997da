import { REDACTED, redactPersonalData } from '../redaction';
import { SUBMITTER } from './fixtures';

describe('redactPersonalData', () => {
  it('removes the name, in any case and spacing, and the given name after a form of address', () => {
    const out = redactPersonalData(
      'Bà NGUYỄN  THỊ MAI hỏi; trả lời bà Mai như sau. Mai Châu vẫn còn.',
      SUBMITTER
    );
    expect(out).toBe(`Bà ${REDACTED.name} hỏi; trả lời bà ${REDACTED.name} như sau. Mai Châu vẫn còn.`);
  });

  it('removes the address, the phone in any writing, the e-mail and identity numbers', () => {
    const out = redactPersonalData(
      'Địa chỉ Tổ 5, khu phố 2, phường Phước Hưng; ĐT 0909.000.101 hoặc +84 909 000 101; mai@demo.example; CCCD 079201001234.',
      SUBMITTER
    );
    for (const personal of ['Tổ 5', '0909', '909 000', 'mai@', '079201001234'])
      expect(out).not.toContain(personal);
    expect(out).toContain(REDACTED.address);
    expect(out).toContain(REDACTED.idNumber);
  });

  it('masks other contacts too, and keeps legal symbols, dates, codes and amounts', () => {
    const out = redactPersonalData(
      'Theo Nghị định 63/2010/NĐ-CP, thủ tục 1.010727, ngày 31/12/2020, phí 1.000.000 đồng; gọi 0912 345 678.',
      SUBMITTER
    );
    expect(out).toContain('63/2010/NĐ-CP');
    expect(out).toContain('1.010727');
    expect(out).toContain('31/12/2020');
    expect(out).toContain('1.000.000 đồng');
    expect(out).not.toContain('0912 345 678');
  });

  it('leaves text alone when the submitter is already anonymous', () => {
    expect(redactPersonalData('Không có dữ liệu cá nhân.', {})).toBe('Không có dữ liệu cá nhân.');
  });
});
