import { legalDocumentType, symbolIssuer } from '../legal-document-types';

describe('a legal document read from its symbol', () => {
  it.each([
    ['31/2024/QH15', 'law', 'QH15'],
    ['01/2021/NQ-HĐND', 'resolution', 'HĐND'],
    ['63/2010/NĐ-CP', 'decree', 'CP'],
    ['379/QĐ-BNNMT', 'decision', 'BNNMT'],
    ['08/CT-TTg', 'directive', 'TTg'],
    ['02/2017/TT-VPCP', 'circular', 'VPCP'],
    ['12/2019/TTLT-BTP-BNV', 'circular', 'BNV'],
    ['45/KH-STNMT', 'plan', 'STNMT'],
    ['1234/STNMT-VP', 'official_letter', 'VP'],
    ['Luật Đất đai', 'other', ''],
    ['15/2020', 'other', ''],
  ])('%s is a %s issued by %p', (symbol, type, issuer) => {
    expect(legalDocumentType(symbol)).toBe(type);
    expect(symbolIssuer(symbol)).toBe(issuer);
  });
});
