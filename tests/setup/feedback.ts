/**
 * A feedback as the Office registers it from a phone call (POST /feedback-register/feedbacks): the body the API
 * tests share, with the made-up submitter whose personal data the redaction tests look for.
 */
export const SUBMITTER = {
  fullName: 'Hoàng Văn Khánh',
  address: 'Số 9 đường Trần Hưng Đạo, phường 1',
  phone: '0912 345 678',
  email: 'khanh@demo.example',
};

export const phoneFeedback = (overrides: Record<string, unknown> = {}) => ({
  data: {
    channel: 'phone',
    receivedAt: new Date(Date.now() - 60_000).toISOString(),
    ...SUBMITTER,
    kind: 'impractical_rule',
    subject: 'Đề nghị rút ngắn thời hạn cấp giấy phép',
    content: 'Đề nghị rút ngắn thời hạn cấp giấy phép môi trường.',
    consent: { publishAnswer: true },
    ...overrides,
  },
});
