import fc from 'fast-check';
import { answeredView, statusView, withoutMarkup, type PublishedFeedback } from '../feedback-public';

const TAG_OPEN = /<[A-Za-z/!?]/;

describe('withoutMarkup', () => {
  it('removes tags, comments and doctypes, keeping the text between them', () => {
    expect(withoutMarkup('<script>alert(1)</script>')).toBe('alert(1)');
    expect(withoutMarkup('Xin <b>chào</b> <img src=x onerror=alert(1)>!')).toBe('Xin chào !');
    expect(withoutMarkup('<!-- x --><!DOCTYPE html><?xml?>a')).toBe('a');
    expect(withoutMarkup('trước <img src=x onerror=alert(1)')).toBe('trước ');
  });

  it('removes tags rebuilt from the remains of others', () => {
    expect(withoutMarkup('<<b>script>alert(1)<</b>/script>')).toBe('alert(1)');
    expect(withoutMarkup('<scr<script>ipt>x')).toBe('ipt>x');
  });

  it('keeps comparisons, ampersands and entities, which are inert text', () => {
    expect(withoutMarkup('Thời hạn < 5 ngày & phí > 0; a<5; &lt;b&gt;')).toBe(
      'Thời hạn < 5 ngày & phí > 0; a<5; &lt;b&gt;'
    );
  });

  it('never leaves a tag opening, whatever the input', () => {
    const pieces = fc.constantFrom('<', '>', '/', '!', '?', 'a', 'script', ' ', '&', '"', 'ồ', '\n');
    fc.assert(
      fc.property(fc.array(pieces, { maxLength: 40 }), (parts) => {
        expect(withoutMarkup(parts.join(''))).not.toMatch(TAG_OPEN);
      }),
      { numRuns: 2000 }
    );
  });
});

describe('public views', () => {
  const published: PublishedFeedback = {
    documentId: 'a'.repeat(24),
    kind: 'other_issue',
    publicSubject: '<script>alert(1)</script>Tiêu đề',
    publicContent: '<img src=x onerror=alert(1)>Nội dung',
    publicAnswer: '<a href="javascript:alert(1)">Trả lời</a>',
    receivedAt: '2026-12-01',
    answeredAt: '2026-12-02',
    procedure: null,
  };

  it('carry no markup in the answered list', () => {
    const view = answeredView(published);
    expect(view).toMatchObject({ subject: 'alert(1)Tiêu đề', content: 'Nội dung', answer: 'Trả lời' });
  });

  it('carry no markup in the status of a feedback', () => {
    const view = statusView({
      documentId: 'a'.repeat(24),
      state: 'answered',
      kind: 'other_issue',
      subject: 's',
      content: 'c',
      answer: 'Kính gửi <b>ông</b>',
      receivedAt: '2026-12-01',
      dueDate: null,
      answeredAt: '2026-12-02',
    });
    expect(view.answer).toBe('Kính gửi ông');
  });
});
