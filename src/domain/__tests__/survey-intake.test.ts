import { SURVEY_CRITERIA, validateSurvey } from '../survey-intake';
import { answersOf, paths } from './fixtures';

const { ok, errorsOf } = answersOf(validateSurvey);

describe('SURVEY_CRITERIA', () => {
  it('are the Decree 61/2018 Art. 31.1 points a–h, in order, as bilingual questions', () => {
    expect(SURVEY_CRITERIA.map((criterion) => criterion.key)).toEqual([
      'timeliness',
      'agencyCount',
      'visitCount',
      'informationAccuracy',
      'staffAttitude',
      'lawfulness',
      'feedbackHandling',
      'onlineService',
    ]);
    for (const { label } of SURVEY_CRITERIA) {
      expect(label.vi).toMatch(/\?$/);
      expect(label.en).toMatch(/\?$/);
      expect(label.vi).toBe(label.vi.normalize('NFC'));
    }
  });
});

describe('validateSurvey', () => {
  it('accepts ratings with defaults for the optional fields', () => {
    expect(ok({ ratings: { timeliness: 5, staffAttitude: 1 } })).toEqual({
      ratings: { timeliness: 5, staffAttitude: 1 },
      procedure: null,
      comment: null,
      channel: 'web',
    });
  });

  it('accepts every criterion at every level', () => {
    for (const rating of [1, 2, 3, 4, 5]) {
      const ratings = Object.fromEntries(SURVEY_CRITERIA.map(({ key }) => [key, rating]));
      expect(ok({ ratings }).ratings).toEqual(ratings);
    }
  });

  it('treats null as a criterion left unanswered', () => {
    expect(ok({ ratings: { timeliness: 4, onlineService: null } }).ratings).toEqual({ timeliness: 4 });
  });

  it.each([
    ['null', null],
    ['an array', [{ ratings: { timeliness: 5 } }]],
    ['a string', 'ratings'],
    ['a number', 5],
  ])('rejects %s as a whole with one error at the root', (_name, raw) => {
    const errors = errorsOf(raw);
    expect(errors).toHaveLength(1);
    expect(errors[0].path).toEqual([]);
  });

  it('requires at least one rating', () => {
    for (const raw of [{}, { ratings: null }, { ratings: {} }, { ratings: { timeliness: null } }]) {
      const errors = errorsOf(raw);
      expect(paths(errors)).toEqual(['ratings']);
      expect(errors[0].messages!.vi).toContain('ít nhất một tiêu chí');
    }
  });

  it('rejects ratings that are not an object', () => {
    for (const ratings of [5, 'timeliness=5', [5, 4], true]) {
      expect(paths(errorsOf({ ratings }))).toEqual(['ratings']);
    }
  });

  it.each([0, 6, -1, 2.5, NaN, Infinity, '5', true, [5], { value: 5 }])('rejects the rating %j', (value) => {
    const errors = errorsOf({ ratings: { timeliness: 5, lawfulness: value } });
    expect(paths(errors)).toEqual(['ratings.lawfulness']);
    expect(errors[0].messages!.vi).toContain('từ 1 đến 5');
    expect(errors[0].messages!.en).toContain('1 to 5');
  });

  it('rejects unknown criteria by name, including prototype keys', () => {
    const raw = JSON.parse('{"ratings":{"timeliness":5,"speed":5,"__proto__":5,"constructor":5}}');
    expect(paths(errorsOf(raw))).toEqual(['ratings.speed', 'ratings.__proto__', 'ratings.constructor']);
    expect(paths(errorsOf({ ratings: { other: 3 } }))).toEqual(['ratings.other']);
  });

  it('echoes unknown keys shortened and answers a flood of keys with one error', () => {
    const long = 'k'.repeat(10_000);
    const [error] = errorsOf({ ratings: { [long]: 5 } });
    expect(error.path[1].length).toBeLessThanOrEqual(65);
    const flood = Object.fromEntries(Array.from({ length: 10_000 }, (_, i) => [`k${i}`, 5]));
    expect(paths(errorsOf({ ratings: flood }))).toEqual(['ratings']);
  });

  it('accepts a procedure documentId, or none, and rejects anything else', () => {
    const id = 'abcdefghij0123456789klmn';
    expect(ok({ ratings: { timeliness: 5 }, procedure: id }).procedure).toBe(id);
    expect(ok({ ratings: { timeliness: 5 }, procedure: null }).procedure).toBeNull();
    expect(ok({ ratings: { timeliness: 5 }, procedure: '' }).procedure).toBeNull();
    for (const procedure of ['short', 'ABCDEFGHIJ0123456789KLMN', 42, {}]) {
      expect(paths(errorsOf({ ratings: { timeliness: 5 }, procedure }))).toEqual(['procedure']);
    }
  });

  describe('comment', () => {
    const withComment = (comment: unknown, options: Parameters<typeof validateSurvey>[1] = {}) =>
      validateSurvey({ ratings: { timeliness: 5 }, comment }, options);

    it('is trimmed and NFC-normalized; blank means none', () => {
      expect(
        ok({ ratings: { timeliness: 5 }, comment: '  Cán bo\u0302\u0323 nhiê\u0323t tình  ' }).comment
      ).toBe('Cán bộ nhiệt tình');
      expect(ok({ ratings: { timeliness: 5 }, comment: '   ' }).comment).toBeNull();
      expect(ok({ ratings: { timeliness: 5 }, comment: '\u200b\u3164\u2060 ' }).comment).toBeNull();
      expect(ok({ ratings: { timeliness: 5 }, comment: null }).comment).toBeNull();
    });

    it('may have line breaks but no other control characters', () => {
      expect(ok({ ratings: { timeliness: 5 }, comment: 'Một\nHai' }).comment).toBe('Một\nHai');
      expect(ok({ ratings: { timeliness: 5 }, comment: 'Một\r\nHai' }).comment).toBe('Một\nHai');
      for (const char of ['\t', '\u0000', '\u001b', '\r', '\u007f', '\u0085', '\u202e', '\ud800']) {
        const result = withComment(`Một ${char} Hai`);
        expect(result.ok).toBe(false);
        if (!result.ok) expect(paths(result.errors)).toEqual(['comment']);
      }
    });

    it('must be text', () => {
      for (const comment of [42, true, ['a'], { text: 'a' }]) {
        const result = withComment(comment);
        expect(result.ok || paths(result.errors)).toEqual(['comment']);
      }
    });

    it('is limited to commentMax characters (2000 by default), naming the limit', () => {
      expect(withComment('a'.repeat(2000)).ok).toBe(true);
      const result = withComment('a'.repeat(2001));
      expect(result.ok || result.errors[0].messages!.vi).toContain('2000');
      const custom = withComment('a'.repeat(11), { commentMax: 10 });
      expect(custom.ok || custom.errors[0].messages!.en).toContain('10');
      expect(withComment('x'.repeat(5_000_000)).ok).toBe(false);
    });
  });

  it('accepts the three channels and defaults to web', () => {
    for (const channel of ['web', 'kiosk', 'paper'] as const) {
      expect(ok({ ratings: { timeliness: 5 }, channel }).channel).toBe(channel);
    }
    expect(ok({ ratings: { timeliness: 5 }, channel: null }).channel).toBe('web');
    for (const channel of ['phone', 'WEB', '', 1, ['web']]) {
      expect(paths(errorsOf({ ratings: { timeliness: 5 }, channel }))).toEqual(['channel']);
    }
  });

  it('ignores unknown top-level keys', () => {
    expect(ok({ ratings: { timeliness: 5 }, formToken: 'x.y', name: 'Nguyễn Văn A' })).not.toHaveProperty(
      'name'
    );
  });

  it('reports every problem together, in both languages', () => {
    const raw = { ratings: { timeliness: 9, bogus: 1 }, procedure: 'x', comment: 'a\u0000', channel: 'fax' };
    const errors = errorsOf(raw, { language: 'en' });
    expect(paths(errors)).toEqual(['ratings.timeliness', 'ratings.bogus', 'procedure', 'comment', 'channel']);
    for (const error of errors) {
      expect(error.message).toBe(error.messages!.en);
      expect(error.messages!.vi).not.toBe(error.messages!.en);
      expect(error.messages!.vi).toMatch(
        /[àáảãạăắằẳẵặâấầẩẫậđèéẻẽẹêếềểễệìíỉĩịòóỏõọôốồổỗộơớờởỡợùúủũụưứừửữựỳýỷỹỵ]/i
      );
    }
    const vi = errorsOf(raw);
    expect(vi.map((error) => error.message)).toEqual(vi.map((error) => error.messages!.vi));
  });
});
