import { publicTexts } from '../public-texts';
import { REDACTED } from '../redaction';
import { SUBMITTER } from './fixtures';

const feedback = {
  ...SUBMITTER,
  subject: 'Bà Nguyễn Thị Mai hỏi về cấp giấy phép',
  content: 'Liên hệ 0909000101 hoặc mai@demo.example.',
  answer: 'Trả lời bà Mai: hồ sơ đã đủ.',
};

describe('publicTexts', () => {
  it('redacts the stored texts when the Office edited none', () => {
    const texts = publicTexts(feedback, {});
    expect(texts.publicSubject).toBe(`Bà ${REDACTED.name} hỏi về cấp giấy phép`);
    expect(texts.publicContent).not.toContain('0909');
    expect(texts.publicContent).not.toContain('mai@');
    expect(texts.publicAnswer).toBe(`Trả lời bà ${REDACTED.name}: hồ sơ đã đủ.`);
  });

  it('takes the edited texts, and redacts them too', () => {
    const texts = publicTexts(feedback, {
      publicSubject: 'Hỏi của Nguyễn Thị Mai',
      publicAnswer: 'Đã trả lời.',
    });
    expect(texts.publicSubject).toBe(`Hỏi của ${REDACTED.name}`);
    expect(texts.publicContent).not.toContain('0909');
    expect(texts.publicAnswer).toBe('Đã trả lời.');
  });

  it('publishes no answer while there is none', () => {
    expect(publicTexts({ ...feedback, answer: null }, {}).publicAnswer).toBeNull();
  });
});
