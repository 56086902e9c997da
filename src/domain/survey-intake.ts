/**
 * Anonymous satisfaction ratings on the criteria citizens evaluate under Decree 61/2018 Art. 31.1 (a)–(h), each
 * on a 1–5 scale (1 = very dissatisfied, 5 = very satisfied). Clause (i), "other", is the free comment.
 * Criteria that did not apply to the citizen (e.g. no online service used) are simply left out.
 */
import { fieldError, type Language, type Validated } from './errors';
import {
  cleanText,
  isPlainObject,
  notText,
  own,
  validateForm,
  validateProcedureRef,
} from './feedback-intake';

export type SurveyCriterion =
  | 'timeliness'
  | 'agencyCount'
  | 'visitCount'
  | 'informationAccuracy'
  | 'staffAttitude'
  | 'lawfulness'
  | 'feedbackHandling'
  | 'onlineService';

export type SurveyRating = 1 | 2 | 3 | 4 | 5;

/** Art. 31.1 points a, b, c, d, đ, e, g, h, in that order, phrased so that 5 is the best answer. */
export const SURVEY_CRITERIA: readonly { key: SurveyCriterion; label: { vi: string; en: string } }[] = [
  {
    key: 'timeliness',
    label: {
      vi: 'Kết quả giải quyết hồ sơ có được trả đúng hoặc sớm hơn thời hạn quy định không?',
      en: 'Was the result of your application delivered on time or early?',
    },
  },
  {
    key: 'agencyCount',
    label: {
      vi: 'Số cơ quan, đơn vị ông/bà phải liên hệ để hoàn thiện hồ sơ có hợp lý không?',
      en: 'Was the number of agencies you had to contact to complete your application reasonable?',
    },
  },
  {
    key: 'visitCount',
    label: {
      vi: 'Số lần ông/bà phải liên hệ với nơi tiếp nhận để hoàn thiện hồ sơ có hợp lý không?',
      en: 'Was the number of times you had to contact the receiving office to complete your application reasonable?',
    },
  },
  {
    key: 'informationAccuracy',
    label: {
      vi: 'Thông tin về thủ tục hành chính được công khai có chính xác, đầy đủ và kịp thời không?',
      en: 'Was the published information about the procedure accurate, complete and up to date?',
    },
  },
  {
    key: 'staffAttitude',
    label: {
      vi: 'Thái độ của cán bộ, công chức khi hướng dẫn, tiếp nhận và giải quyết hồ sơ có đúng mực không?',
      en: 'Were the officials who guided you, received and handled your application courteous and proper?',
    },
  },
  {
    key: 'lawfulness',
    label: {
      vi: 'Kết quả giải quyết và chi phí ông/bà phải trả có đúng quy định, không phát sinh chi phí ngoài quy định không?',
      en: 'Were the result and the costs you paid lawful, with no unofficial extra charges?',
    },
  },
  {
    key: 'feedbackHandling',
    label: {
      vi: 'Phản ánh, kiến nghị, khiếu nại của ông/bà (nếu có) có được giải trình kịp thời và thỏa đáng không?',
      en: 'Were your feedback or complaints (if any) answered promptly and satisfactorily?',
    },
  },
  {
    key: 'onlineService',
    label: {
      vi: 'Dịch vụ công trực tuyến (nếu đã sử dụng) có được cung cấp kịp thời và đạt chất lượng không?',
      en: 'Was the online public service (if you used it) prompt and of good quality?',
    },
  },
];

export type SurveyChannel = 'web' | 'kiosk' | 'paper';
export const SURVEY_CHANNELS: readonly SurveyChannel[] = ['web', 'kiosk', 'paper'];

export interface SurveyInput {
  ratings: Partial<Record<SurveyCriterion, SurveyRating>>;
  procedure: string | null;
  comment: string | null;
  channel: SurveyChannel;
}

export const DEFAULT_SURVEY_COMMENT_MAX = 2000;

const CRITERION_KEYS: ReadonlySet<string> = new Set(SURVEY_CRITERIA.map((criterion) => criterion.key));
// More keys than this cannot be an honest form; one error instead of thousands.
const MAX_RATING_KEYS = SURVEY_CRITERIA.length * 2;
// Unknown keys are echoed in error paths; keep them short.
const MAX_ECHOED_KEY = 64;
const COMMENT_LABEL = { vi: 'Ý kiến khác', en: 'Comment' };

export function validateSurvey(
  raw: unknown,
  options: { commentMax?: number; language?: Language } = {}
): Validated<SurveyInput> {
  const commentMax = options.commentMax ?? DEFAULT_SURVEY_COMMENT_MAX;
  return validateForm(raw, options.language ?? 'vi', (body, errors, language) => {
    const ratings: Partial<Record<SurveyCriterion, SurveyRating>> = {};
    const rawRatings = own(body, 'ratings');
    if (!isPlainObject(rawRatings)) {
      errors.push(
        rawRatings === undefined || rawRatings === null
          ? fieldError(
              ['ratings'],
              'Vui lòng đánh giá ít nhất một tiêu chí.',
              'Please rate at least one criterion.',
              language
            )
          : fieldError(['ratings'], 'Phần đánh giá không hợp lệ.', 'The ratings are invalid.', language)
      );
    } else {
      const keys = Object.keys(rawRatings);
      let ratingErrors = 0;
      if (keys.length > MAX_RATING_KEYS) {
        ratingErrors++;
        errors.push(
          fieldError(
            ['ratings'],
            'Có quá nhiều tiêu chí đánh giá.',
            'There are too many rated criteria.',
            language
          )
        );
      } else {
        for (const key of keys) {
          const value = rawRatings[key];
          if (!CRITERION_KEYS.has(key)) {
            ratingErrors++;
            const shown = key.length > MAX_ECHOED_KEY ? `${key.slice(0, MAX_ECHOED_KEY)}…` : key;
            errors.push(
              fieldError(
                ['ratings', shown],
                'Tiêu chí đánh giá không tồn tại.',
                'There is no such criterion.',
                language
              )
            );
          } else if (typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= 5) {
            ratings[key as SurveyCriterion] = value as SurveyRating;
          } else if (value !== null) {
            // null is a criterion the citizen skipped (not applicable to them); anything else is wrong.
            ratingErrors++;
            errors.push(
              fieldError(
                ['ratings', key],
                'Mức đánh giá phải là số nguyên từ 1 đến 5.',
                'A rating must be a whole number from 1 to 5.',
                language
              )
            );
          }
        }
      }
      if (ratingErrors === 0 && Object.keys(ratings).length === 0) {
        errors.push(
          fieldError(
            ['ratings'],
            'Vui lòng đánh giá ít nhất một tiêu chí.',
            'Please rate at least one criterion.',
            language
          )
        );
      }
    }

    const procedure = validateProcedureRef(own(body, 'procedure'), ['procedure'], language);
    if (!procedure.ok) errors.push(procedure.error);

    let comment: string | null = null;
    const rawComment = own(body, 'comment');
    if (typeof rawComment === 'string') {
      const result = cleanText(
        rawComment,
        ['comment'],
        { label: COMMENT_LABEL, max: commentMax, multiline: true, allowTab: false },
        language
      );
      if (result.ok) comment = result.text === '' ? null : result.text;
      else errors.push(result.error);
    } else if (rawComment !== undefined && rawComment !== null) {
      errors.push(notText(['comment'], COMMENT_LABEL, language));
    }

    let channel: SurveyChannel = 'web';
    const rawChannel = own(body, 'channel');
    if (rawChannel !== undefined && rawChannel !== null) {
      if (typeof rawChannel === 'string' && (SURVEY_CHANNELS as readonly string[]).includes(rawChannel)) {
        channel = rawChannel as SurveyChannel;
      } else {
        errors.push(
          fieldError(
            ['channel'],
            'Kênh đánh giá phải là web, kiosk hoặc paper.',
            'The channel must be web, kiosk or paper.',
            language
          )
        );
      }
    }

    return { ratings, procedure: procedure.ok ? procedure.value : null, comment, channel };
  });
}
