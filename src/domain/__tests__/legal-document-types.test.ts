import { legalDocumentType, symbolIssuer } from '../legal-document-types';

describe('legalDocumentType', () => {
  it.each([
    ['31/2024/QH15', 'law'],
    ['01/2021/NQ-HĐND', 'resolution'],
    ['63/2010/NĐ-CP', 'decree'],
    ['379/QĐ-BNNMT', 'decision'],
    ['08/CT-TTg', 'directive'],
    ['02/2017/TT-VPCP', 'circular'],
    ['12/2019/TTLT-BTP-BNV', 'circular'],
    ['45/KH-STNMT', 'plan'],
    ['1234/STNMT-VP', 'official_letter'],
    ['Luật Đất đai', 'other'],
  ])('%s is a %s', (symbol, type) => {
    expect(legalDocumentType(symbol)).toBe(type);
  });
});

describe('symbolIssuer', () => {
  it.each([
    ['379/QĐ-BNNMT', 'BNNMT'],
    ['63/2010/NĐ-CP', 'CP'],
    ['28/2023/QH15', 'QH15'],
    ['12/2019/TTLT-BTP-BNV', 'BNV'],
    ['Luật Đất đai', ''],
    ['15/2020', ''],
  ])('%s → %p', (symbol, issuer) => {
    expect(symbolIssuer(symbol)).toBe(issuer);
  });
});
