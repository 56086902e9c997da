import { DEFAULT_FEEDBACK_LIMITS } from '#domain/feedback-intake';
import {
  parseRegisterFilters,
  validateAnswerBody,
  validateRegistration,
  validateTransitionBody,
} from '../register-input';

const now = new Date('2021-12-10T03:00:00Z');
const valid = {
  channel: 'phone',
  receivedAt: '2021-12-10T02:00:00Z',
  fullName: 'Trần Văn Bình',
  address: 'Ấp 3, xã Hòa Long',
  phone: '0909 000 102',
  kind: 'other_issue',
  subject: 'Hỏi về lệ phí',
  content: 'Có thanh toán trực tuyến được không?',
  consent: { publishAnswer: false },
};
const paths = (result: { ok: boolean; errors?: { path: string[] }[] }) =>
  (result.errors ?? []).map((e) => e.path.join('.'));

describe('registration by the Office', () => {
  it('accepts a phone feedback, recording consent to processing', () => {
    const result = validateRegistration(valid, { limits: DEFAULT_FEEDBACK_LIMITS, language: 'vi', now });
    expect(result).toMatchObject({
      ok: true,
      value: { channel: 'phone', feedback: { consent: { processing: true, publishAnswer: false } } },
    });
  });

  it('refuses the web channel, a future or ancient date, and reports every problem', () => {
    const result = validateRegistration(
      { ...valid, channel: 'web', receivedAt: '2021-12-11T02:00:00Z', fullName: '' },
      { limits: DEFAULT_FEEDBACK_LIMITS, language: 'en', now }
    );
    expect(paths(result)).toEqual(expect.arrayContaining(['channel', 'receivedAt', 'fullName']));
    const old = validateRegistration(
      { ...valid, receivedAt: '2020-06-01T00:00:00Z' },
      { limits: DEFAULT_FEEDBACK_LIMITS, language: 'vi', now }
    );
    expect(paths(old)).toEqual(['receivedAt']);
    expect(paths(validateRegistration([], { limits: DEFAULT_FEEDBACK_LIMITS, language: 'vi', now }))).toEqual(
      ['']
    );
  });
});

describe('the body of a move', () => {
  it('reads the move and cleans its texts', () => {
    expect(
      validateTransitionBody(
        { to: 'assigned', version: 2, unit: 4, unitDueDate: '2021-12-20', comment: ' Sửa ' },
        'vi'
      )
    ).toMatchObject({
      ok: true,
      value: { to: 'assigned', version: 2, unit: 4, comment: 'Sửa', reason: null },
    });
  });

  it('refuses unknown fields, a missing version, bad units, dates and oversized texts', () => {
    const result = validateTransitionBody(
      { to: 'assigned', unit: '4', unitDueDate: '2021-02-30', reason: 'x'.repeat(2001), state: 'published' },
      'vi'
    );
    expect(paths(result).sort()).toEqual(['reason', 'state', 'unit', 'unitDueDate', 'version']);
  });

  it('reads the corrections of a classification: a procedure of null or "" unlinks it', () => {
    expect(
      validateTransitionBody(
        { to: 'accepted', version: 0, kind: 'other_issue', channel: 'email', procedure: null },
        'vi'
      )
    ).toMatchObject({ ok: true, value: { kind: 'other_issue', channel: 'email', procedure: null } });
    const plain = validateTransitionBody({ to: 'accepted', version: 0, procedure: '' }, 'vi');
    expect(plain).toMatchObject({ ok: true, value: { procedure: null } });
    expect(plain.ok && 'kind' in plain.value).toBe(false);
  });

  it('refuses corrections of the wrong shape, every one at once', () => {
    const result = validateTransitionBody(
      { to: 'accepted', version: 0, kind: 'spam', channel: ['web'], procedure: { documentId: 'x' } },
      'en'
    );
    expect(paths(result).sort()).toEqual(['channel', 'kind', 'procedure']);
    expect(paths(validateTransitionBody({ to: 'accepted', version: 0, kind: null }, 'vi'))).toEqual(['kind']);
  });

  it('needs an answer and a version to save a draft', () => {
    expect(paths(validateAnswerBody({ answer: '  ' }, 'vi')).sort()).toEqual(['answer', 'version']);
    expect(validateAnswerBody({ answer: 'Trả lời', version: 0 }, 'vi')).toEqual({
      ok: true,
      value: { answer: 'Trả lời', version: 0 },
    });
  });
});

describe('the register filters', () => {
  it('reads the allowed ones with defaults', () => {
    expect(parseRegisterFilters({ state: 'assigned', overdue: 'true', unit: '3' }, 'vi')).toMatchObject({
      ok: true,
      value: { state: 'assigned', overdue: true, unit: 3, page: 1, pageSize: 20 },
    });
  });

  it('sorts by a whitelisted column only, ascending unless told', () => {
    expect(parseRegisterFilters({ sort: 'dueDate' }, 'vi')).toMatchObject({
      value: { sort: { key: 'dueDate', direction: 'asc' } },
    });
    expect(parseRegisterFilters({ sort: 'unit:desc' }, 'vi')).toMatchObject({
      value: { sort: { key: 'unit', direction: 'desc' } },
    });
    for (const sort of ['full_name:asc', 'dueDate:up', 'subject;drop table x', 'subject:asc,state:desc'])
      expect(paths(parseRegisterFilters({ sort }, 'vi'))).toEqual(['sort']);
  });

  it('refuses the others', () => {
    const result = parseRegisterFilters(
      { sort: 'x', unit: 'abc', receivedTo: '2021-13-01', pageSize: '500' },
      'vi'
    );
    expect(paths(result).sort()).toEqual(['pageSize', 'receivedTo', 'sort', 'unit']);
  });
});
