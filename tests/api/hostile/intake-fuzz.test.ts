/**
 * Property-based fuzzing of the public intake: random shapes, types, Unicode, nesting, oversized values, missing,
 * forged or reused tokens and a filled honeypot, over POST /api/feedbacks (JSON and multipart) and
 * POST /api/survey-responses. Whatever the body, the answer is never a 5xx, and a refusal stores nothing (no row,
 * no file, no temp file). FUZZ_SEED replays a run; FUZZ_RUNS sets the cases per route (CI keeps the default).
 */
import fc from 'fast-check';
import request from 'supertest';
import { overrideEnv } from '../../setup/env-override';
import { storageCounts } from '../../setup/storage';
import { useStrapi } from '../../setup/strapi';

overrideEnv({
  FEEDBACK_MIN_FILL_SECONDS: '0',
  FEEDBACK_SUBMIT_LIMIT: '100000',
  SURVEY_SUBMIT_LIMIT: '100000',
});

const SEED = Number(process.env.FUZZ_SEED ?? Date.now() % 2 ** 31);
const RUNS = Number(process.env.FUZZ_RUNS ?? 40);

const app = useStrapi();

beforeAll(() => {
  console.log(`intake fuzz: FUZZ_SEED=${SEED} FUZZ_RUNS=${RUNS} per route`);
});

/** Values of any JSON type, including the awkward ones: invisible, bidi, control, surrogate, huge, deep. */
const text = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.constantFrom(
    '',
    ' ',
    '\u200b',
    '\u202e',
    '\u0000',
    '\ud800',
    'a\u2028b',
    '\r\n',
    '<script>x</script>',
    '0'
  ),
  fc.integer({ min: 10_000, max: 60_000 }).map((n) => 'ằ'.repeat(n))
);
const value: fc.Arbitrary<unknown> = fc.oneof(
  { depthSize: 'small' },
  text,
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.array(text, { maxLength: 3 }),
  fc.dictionary(
    fc.constantFrom('__proto__', 'constructor', 'processing', '$eq', 'a'),
    fc.oneof(text, fc.boolean())
  ),
  fc.jsonValue({ maxDepth: 6 })
);

type TokenKind = 'fresh' | 'missing' | 'forged' | 'reused' | 'wrongType';
const tokenKind = fc.constantFrom<TokenKind>(
  'fresh',
  'fresh',
  'fresh',
  'missing',
  'forged',
  'reused',
  'wrongType'
);

/** Each field is kept valid, dropped, or replaced by anything. */
const field = (valid: unknown) =>
  fc.oneof(
    { weight: 3, arbitrary: fc.constant(valid) },
    { weight: 1, arbitrary: fc.constant(undefined) },
    { weight: 2, arbitrary: value }
  );

const feedbackBody = fc.record({
  fullName: field('Nguyễn Văn An'),
  address: field('12 Lê Lợi'),
  phone: field('0909 123 456'),
  email: field('an@example.vn'),
  kind: field('other_issue'),
  subject: field('Thủ tục cấp phép'),
  content: field('Nội dung phản ánh.'),
  procedure: field(undefined),
  consent: field({ processing: true, publishAnswer: false }),
  website: fc.oneof({ weight: 5, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: value }),
  extra: fc.option(fc.dictionary(fc.string({ maxLength: 8 }), value, { maxKeys: 3 })),
});

const surveyBody = fc.record({
  ratings: field({ timeliness: 5, staffAttitude: 4 }),
  procedure: field(undefined),
  comment: field('Cán bộ nhiệt tình'),
  channel: field('web'),
  website: fc.oneof({ weight: 5, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: value }),
});

const attachment = fc.oneof(
  fc.uint8Array({ maxLength: 2048 }).map((bytes) => Buffer.from(bytes)),
  fc.constant(
    Buffer.from('%PDF-1.4\n1 0 obj << /OpenAction << /S /JavaScript /JS (x) >> >> endobj\n%%EOF\n')
  ),
  fc.constant(Buffer.from('%PDF-1.4\n<html><script>x</script></html>\n%%EOF\n'))
);

const tokens: Record<string, string | undefined> = {};
async function tokenFor(route: 'feedbacks' | 'survey-responses', kind: TokenKind): Promise<unknown> {
  if (kind === 'missing') return undefined;
  if (kind === 'forged') return 'v1.0.0.forged';
  if (kind === 'wrongType') return { token: 1 };
  if (kind === 'reused' && tokens[route]) return tokens[route];
  const res = await request(app.server()).get(`/api/${route}/form`);
  tokens[route] = res.body.data.formToken;
  return tokens[route];
}

const withoutUndefined = (body: Record<string, unknown>) => {
  const { extra, ...rest } = body;
  return Object.fromEntries(
    Object.entries({ ...rest, ...(extra as object | null) }).filter(([, v]) => v !== undefined)
  );
};

describe('intake fuzzing', () => {
  it('POST /api/feedbacks never answers 5xx, and a refusal stores nothing', async () => {
    await fc.assert(
      fc.asyncProperty(
        feedbackBody,
        tokenKind,
        fc.boolean(),
        fc.array(attachment, { maxLength: 2 }),
        async (body, kind, multipart, files) => {
          const data = { ...withoutUndefined(body), formToken: await tokenFor('feedbacks', kind) };
          const before = await storageCounts(app.strapi());
          let req = request(app.server()).post('/api/feedbacks');
          if (multipart) {
            req = req.field('data', JSON.stringify(data));
            files.forEach((file, i) => {
              req = req.attach('files', file, { filename: `f${i}.pdf`, contentType: 'application/pdf' });
            });
          }
          const res = multipart ? await req : await req.send(data);
          expect(res.status).toBeLessThan(500);
          const after = await storageCounts(app.strapi());
          if (res.status === 201) {
            expect(after.feedbacks).toBe(before.feedbacks + 1);
            expect(after.tempFiles).toBe(before.tempFiles);
          } else {
            expect(res.body.error?.name).toEqual(expect.any(String));
            expect(after).toEqual(before);
          }
        }
      ),
      { seed: SEED, numRuns: RUNS, endOnFailure: true }
    );
  }, 300_000);

  it('POST /api/survey-responses never answers 5xx, and a refusal stores nothing', async () => {
    await fc.assert(
      fc.asyncProperty(surveyBody, tokenKind, async (body, kind) => {
        const data = {
          ...withoutUndefined({ ...body, extra: null }),
          formToken: await tokenFor('survey-responses', kind),
        };
        const before = await storageCounts(app.strapi());
        const res = await request(app.server()).post('/api/survey-responses').send(data);
        expect(res.status).toBeLessThan(500);
        const after = await storageCounts(app.strapi());
        if (res.status === 201) expect(after.surveyResponses).toBe(before.surveyResponses + 1);
        else expect(after).toEqual(before);
      }),
      { seed: SEED, numRuns: RUNS, endOnFailure: true }
    );
  }, 300_000);
});
