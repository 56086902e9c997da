/** The made-up submitter whose personal data the redaction and public-text tests look for in free texts. */
export const SUBMITTER = {
  fullName: 'Nguyễn Thị Mai',
  address: 'Tổ 5, khu phố 2, phường Phước Hưng',
  phone: '0909000101',
  email: 'mai@demo.example',
};
