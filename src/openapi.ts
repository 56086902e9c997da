/**
 * OpenAPI descriptions of the custom public routes, merged by @strapi/plugin-documentation into the document it
 * generates for the standard routes (served at /documentation). docs/API.md is the prose version.
 */
import type { Core } from '@strapi/strapi';
import { errors as strapiErrors } from '@strapi/utils';
import { FEEDBACK_KIND_VALUES } from '#domain/feedback-intake';
import { PUBLIC_STATUSES } from '#domain/feedback-public';
import { SEARCH_LEVELS, SEARCH_ONLINE_LEVELS, SEARCH_STATUSES } from '#domain/procedure-search';
import { SITE_SEARCH_TYPES } from '#domain/site-search';
import { SURVEY_CHANNELS, SURVEY_CRITERIA } from '#domain/survey-intake';

const error = (description: string) => ({
  description,
  content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
});
const errors = {
  400: error('ValidationError: details.errors[] holds { path, message, messages: { vi, en } } per field'),
  429: {
    ...error('RateLimitError: too many requests from this client'),
    headers: { 'Retry-After': { schema: { type: 'integer' }, description: 'Seconds to wait' } },
  },
};
const query = (name: string, schema: object, description: string) => ({
  name,
  in: 'query',
  schema,
  description,
});
const object = (properties: object) => ({ type: 'object', properties });
const pagination = object({
  page: { type: 'integer' },
  pageSize: { type: 'integer' },
  pageCount: { type: 'integer' },
  total: { type: 'integer' },
});
/** A JSON response whose body is `{ data }`, or `{ data, meta: { pagination } }` for a page of a list. */
const dataResponse = (description: string, data: object, paged = false) => ({
  description,
  content: {
    'application/json': {
      schema: object(paged ? { data, meta: object({ pagination }) } : { data }),
    },
  },
});
const label = { type: 'object', properties: { vi: { type: 'string' }, en: { type: 'string' } } };
const nullableString = { type: 'string', nullable: true };
/** A search result's snippet: plain text, with what matched as offsets. */
const snippet = object({
  text: { type: 'string', description: 'Plain text, never HTML' },
  highlights: {
    type: 'array',
    items: { type: 'array', items: { type: 'integer' }, minItems: 2, maxItems: 2 },
    description: '[start, end) offsets in UTF-16 code units',
  },
});
/** A procedure search result: what a result list shows (src/api/procedure/search-documents.ts), and its snippet. */
const procedureHit = object({
  id: { type: 'integer' },
  documentId: { type: 'string' },
  nationalCode: { type: 'string' },
  name: { type: 'string' },
  implementingAgency: nullableString,
  onlineLevel: { type: 'string', enum: SEARCH_ONLINE_LEVELS },
  legalStatus: { type: 'string', enum: SEARCH_STATUSES },
  effectiveFrom: { ...nullableString, format: 'date' },
  effectiveTo: { ...nullableString, format: 'date' },
  locale: { type: 'string' },
  field: { ...object({ name: { type: 'string' }, code: { type: 'string' } }), nullable: true },
  levels: {
    type: 'array',
    items: object({ id: { type: 'integer' }, level: { type: 'string', enum: SEARCH_LEVELS } }),
  },
  snippet,
});
const feedbackKind = { type: 'string', enum: FEEDBACK_KIND_VALUES };
/** docs/API.md "Plain text": what the intake accepts and what public copies carry. */
const singleLine =
  'Plain text on one line: no markup is interpreted; control, bidi and line/paragraph separator characters are refused; invisible characters are dropped and do not count';
const multiLine =
  'Plain text; line breaks allowed (CRLF, U+2028/2029 become LF); no markup is interpreted; control and bidi characters are refused; invisible characters are dropped and do not count';
const publicText = 'Plain text with contacts masked and every HTML tag removed; insert it as text';
const feedbackInput = {
  type: 'object',
  required: ['fullName', 'address', 'kind', 'subject', 'content', 'consent', 'formToken'],
  properties: {
    fullName: { type: 'string', maxLength: 120, description: singleLine },
    address: { type: 'string', maxLength: 500, description: singleLine },
    phone: { type: 'string', maxLength: 20, description: 'Phone and/or email is required' },
    email: { type: 'string', format: 'email', maxLength: 254 },
    kind: feedbackKind,
    subject: { type: 'string', maxLength: 255, description: singleLine },
    content: { type: 'string', maxLength: 10000, description: multiLine },
    procedure: { type: 'string', description: 'documentId of a published procedure' },
    consent: {
      type: 'object',
      required: ['processing'],
      properties: { processing: { type: 'boolean', enum: [true] }, publishAnswer: { type: 'boolean' } },
    },
    formToken: { type: 'string', description: 'From GET /feedbacks/form; single use' },
    website: { type: 'string', maxLength: 0, description: 'Honeypot: must stay empty' },
  },
};

export const openApiOverride = {
  paths: {
    '/procedures/search': {
      get: {
        tags: ['Procedure'],
        summary: 'Search published procedures, ignoring case and Vietnamese diacritics',
        parameters: [
          query(
            'q',
            { type: 'string', maxLength: 200 },
            'Words as citizens write them (stop words, synonyms and typos allowed), ranked; a national code ranks first'
          ),
          query('field', { type: 'string' }, 'Field code, e.g. dat-dai'),
          query('level', { type: 'string', enum: SEARCH_LEVELS }, 'Level'),
          query('onlineLevel', { type: 'string', enum: SEARCH_ONLINE_LEVELS }, ''),
          query('status', { type: 'string', enum: SEARCH_STATUSES }, 'Legal status'),
          query('page', { type: 'integer', minimum: 1, maximum: 1000 }, ''),
          query('pageSize', { type: 'integer', minimum: 1, maximum: 100 }, ''),
          query('locale', { type: 'string', enum: ['vi', 'en'] }, 'Default vi'),
        ],
        responses: {
          200: dataResponse(
            'Ranked published procedures, as a result list shows them',
            { type: 'array', items: procedureHit },
            true
          ),
          400: errors[400],
        },
      },
    },
    '/search': {
      get: {
        tags: ['Search'],
        summary:
          'Search procedures, published articles and published answers at once: one ranked group per type',
        parameters: [
          query('q', { type: 'string', maxLength: 200 }, 'Words as citizens write them; required'),
          query(
            'types',
            { type: 'string' },
            `Comma-separated, of ${SITE_SEARCH_TYPES.join(', ')}; default all`
          ),
          query('locale', { type: 'string', enum: ['vi', 'en'] }, 'Default vi; answers are in Vietnamese'),
          query('page', { type: 'integer', minimum: 1, maximum: 1000 }, 'The page of each group'),
          query('pageSize', { type: 'integer', minimum: 1, maximum: 100 }, 'Default 10'),
        ],
        responses: {
          200: {
            description: 'One group per type asked, in the order asked',
            content: {
              'application/json': {
                schema: object({
                  data: {
                    type: 'array',
                    items: object({
                      type: { type: 'string', enum: SITE_SEARCH_TYPES },
                      results: {
                        type: 'array',
                        items: object({
                          documentId: { type: 'string' },
                          title: { type: 'string' },
                          snippet,
                        }),
                      },
                      total: { type: 'integer' },
                      matchedAll: { type: 'integer' },
                      partial: { type: 'boolean' },
                      suggestion: nullableString,
                    }),
                  },
                  meta: object({
                    pagination: object({ page: { type: 'integer' }, pageSize: { type: 'integer' } }),
                    search: object({ ignored: { type: 'array', items: { type: 'string' } } }),
                  }),
                }),
              },
            },
          },
          400: errors[400],
        },
      },
    },
    '/feedbacks/form': {
      get: {
        tags: ['Feedback'],
        summary:
          'What the feedback form needs: a single-use token, the eight kinds, the processing notice, limits',
        responses: {
          200: dataResponse(
            'Never cached (Cache-Control: no-store)',
            object({
              formToken: { type: 'string' },
              kinds: { type: 'array', items: object({ value: feedbackKind, label }) },
              notice: object({ version: { type: 'string' }, text: { type: 'object' } }),
              limits: { type: 'object' },
            })
          ),
        },
      },
    },
    '/feedbacks': {
      post: {
        tags: ['Feedback'],
        summary: 'Send a feedback on administrative rules (Decree 20/2008)',
        parameters: [
          {
            name: 'Idempotency-Key',
            in: 'header',
            schema: { type: 'string', minLength: 8, maxLength: 255 },
            description: 'Same key and body replays the first response; another body: 422; concurrent: 409',
          },
        ],
        requestBody: {
          required: true,
          content: {
            'application/json': { schema: feedbackInput },
            'multipart/form-data': {
              schema: object({
                data: { type: 'string', description: 'The JSON above' },
                files: {
                  type: 'array',
                  maxItems: 5,
                  items: { type: 'string', format: 'binary' },
                  description:
                    'PDF, JPEG, PNG, DOCX or XLSX, judged by their bytes; 10 MB each. Refused: PDFs with scripts, actions, embedded files, XFA or HTML; DOCX/XLSX with macros, OLE objects, ActiveX or external relationships other than web/mail hyperlinks. The original name is kept cleaned (no path, controls or bidi; 120 characters)',
                },
              }),
            },
          },
        },
        responses: {
          201: dataResponse(
            'Received',
            object({
              trackingCode: { type: 'string', example: 'ABCD-EFGH-JKMN-PQRS-TVWX-YZ01-23' },
              status: { type: 'string', enum: ['received'] },
              receivedAt: { type: 'string', format: 'date-time' },
              dueDate: { type: 'string', format: 'date' },
            })
          ),
          400: errors[400],
          409: error('ConflictError: a request with this Idempotency-Key is in progress'),
          413: error('PayloadTooLargeError'),
          422: error('UnprocessableEntityError: this Idempotency-Key was used with another body'),
          429: errors[429],
        },
      },
    },
    '/feedbacks/status/{trackingCode}': {
      get: {
        tags: ['Feedback'],
        summary: "The sender's view of a feedback: status, dates and, once published, the answer",
        parameters: [{ name: 'trackingCode', in: 'path', required: true, schema: { type: 'string' } }],
        responses: {
          200: dataResponse(
            'Never cached',
            object({
              status: { type: 'string', enum: PUBLIC_STATUSES },
              receivedAt: { type: 'string', format: 'date-time' },
              dueDate: { type: 'string', format: 'date' },
              answeredAt: { type: 'string', format: 'date-time', nullable: true },
              answer: { type: 'string', nullable: true, description: publicText },
            })
          ),
          404: error('The same answer for an unknown or a malformed code'),
          429: errors[429],
        },
      },
    },
    '/feedbacks/answered': {
      get: {
        tags: ['Feedback'],
        summary: 'Published answers, without personal data (phones and e-mails in texts are masked)',
        parameters: [
          query('q', { type: 'string', maxLength: 200 }, 'Words, diacritics ignored'),
          query('kind', feedbackKind, ''),
          query('procedure', { type: 'string' }, 'documentId of a procedure'),
          query('page', { type: 'integer' }, ''),
          query('pageSize', { type: 'integer', maximum: 50 }, ''),
        ],
        responses: {
          200: dataResponse(
            'Answered feedback, newest first',
            {
              type: 'array',
              items: object({
                documentId: { type: 'string' },
                kind: feedbackKind,
                subject: { type: 'string', description: publicText },
                content: { type: 'string', description: publicText },
                answer: { type: 'string', nullable: true, description: publicText },
                receivedAt: { type: 'string', format: 'date-time' },
                answeredAt: { type: 'string', format: 'date-time', nullable: true },
              }),
            },
            true
          ),
          400: errors[400],
        },
      },
    },
    '/survey-responses/form': {
      get: {
        tags: ['Survey-response'],
        summary: 'A single-use token and the criteria of Decree 61/2018 Art. 31',
        responses: { 200: { description: 'Never cached' } },
      },
    },
    '/survey-responses': {
      post: {
        tags: ['Survey-response'],
        summary: 'An anonymous satisfaction rating, 1 to 5 per criterion',
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: {
                type: 'object',
                required: ['ratings', 'formToken'],
                properties: {
                  ratings: object(
                    Object.fromEntries(
                      SURVEY_CRITERIA.map((c) => [c.key, { type: 'integer', minimum: 1, maximum: 5 }])
                    )
                  ),
                  procedure: { type: 'string' },
                  comment: { type: 'string', maxLength: 2000, description: multiLine },
                  channel: { type: 'string', enum: SURVEY_CHANNELS },
                  formToken: { type: 'string' },
                  website: { type: 'string', maxLength: 0 },
                },
              },
            },
          },
        },
        responses: { 201: { description: 'Stored' }, 400: errors[400], 429: errors[429] },
      },
    },
    '/survey-responses/summary': {
      get: {
        tags: ['Survey-response'],
        summary: 'Count and mean per criterion',
        parameters: [
          query('procedure', { type: 'string' }, 'documentId'),
          query('field', { type: 'string' }, 'Field code'),
          query('from', { type: 'string', format: 'date' }, 'Local date, inclusive'),
          query('to', { type: 'string', format: 'date' }, 'Local date, inclusive'),
        ],
        responses: { 200: { description: 'Aggregates' }, 400: errors[400] },
      },
    },
  },
};

type Attributes = Record<string, { private?: boolean }>;
type JsonObject = Record<string, unknown>;

const isObject = (value: unknown): value is JsonObject =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** The public API never returns who created or changed an entry; the generator would list admin users' fields. */
const NEVER_DOCUMENTED = ['createdBy', 'updatedBy'];
const ENTRY_KEYS = new Set(['id', 'documentId']);

/**
 * The generator describes every attribute, private ones included, at top level and inline wherever a relation
 * reaches a content type. An object schema whose properties are all attributes of a content type is taken as that
 * type, and loses that type's private attributes: the class of "a private field in the contract", for every type
 * (feedback submitters, tracking hashes, survey comments, users' tokens and passwords), whatever links to it.
 */
export function withoutPrivateAttributes<T>(
  document: T,
  models: Record<string, { attributes: Attributes }>
): T {
  const types = Object.values(models).map(({ attributes }) => ({
    names: new Set(Object.keys(attributes)),
    hidden: Object.keys(attributes).filter((name) => attributes[name]?.private === true),
  }));
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(visit);
    if (!isObject(node)) return;
    const properties = node.properties;
    if (isObject(properties)) {
      const keys = Object.keys(properties).filter((key) => !ENTRY_KEYS.has(key));
      const hidden = new Set(NEVER_DOCUMENTED);
      for (const type of types) {
        if (keys.length > 0 && keys.every((key) => type.names.has(key)))
          type.hidden.forEach((name) => hidden.add(name));
      }
      for (const name of hidden) delete properties[name];
      if (Array.isArray(node.required)) node.required = node.required.filter((name) => !hidden.has(name));
    }
    Object.values(node).forEach(visit);
  };
  visit(document);
  return document;
}

/** In production the contract is for signed-in admins only, unless the department publishes it (DOCS_PUBLIC). */
export const documentationIsPublic = (env: { NODE_ENV?: string; DOCS_PUBLIC?: string }): boolean =>
  env.NODE_ENV !== 'production' || env.DOCS_PUBLIC === 'true';

interface SessionManager {
  validateAccessToken(token: string): { isValid: boolean; payload: { sessionId: string; userId: string } };
  isSessionActive(sessionId: string): Promise<boolean>;
}

/** The admin panel's access token (as its own API calls send it), with a live session and an active user. */
async function isSignedInAdmin(strapi: Core.Strapi, authorization: string | undefined): Promise<boolean> {
  const [scheme, token, ...rest] = (authorization ?? '').trim().split(/\s+/);
  if (scheme?.toLowerCase() !== 'bearer' || !token || rest.length > 0) return false;
  const sessions = (strapi as unknown as { sessionManager?: (audience: string) => SessionManager })
    .sessionManager;
  const manager = sessions?.('admin');
  const result = manager?.validateAccessToken(token);
  if (!manager || !result?.isValid || !(await manager.isSessionActive(result.payload.sessionId)))
    return false;
  const id = /^\d+$/.test(result.payload.userId) ? Number(result.payload.userId) : result.payload.userId;
  const user = await strapi.db.query('admin::user').findOne({ where: { id }, select: ['isActive'] });
  return user?.isActive === true;
}

interface DocumentationRoute {
  handler: string;
  config?: { middlewares?: unknown[] };
}

/** Internal collections (units, holidays) have REST routes for API tokens only: keep them out of the contract. */
export function registerOpenApi(strapi: Core.Strapi) {
  const documentation = strapi.plugin('documentation');
  if (!documentation) return;
  const override = documentation.service('override');
  override.excludeFromGeneration(['unit', 'holiday']);
  override.registerOverride(openApiOverride);
  strapi.config.set('plugin::documentation.x-strapi-config.mutateDocumentation', (draft: unknown) => {
    withoutPrivateAttributes(
      draft,
      strapi.contentTypes as unknown as Record<string, { attributes: Attributes }>
    );
  });

  const gate = async (
    ctx: { request: { header: { authorization?: string } } },
    next: () => Promise<void>
  ) => {
    if (
      documentationIsPublic(process.env) ||
      (await isSignedInAdmin(strapi, ctx.request.header.authorization))
    ) {
      return next();
    }
    throw new strapiErrors.UnauthorizedError('Sign in to the admin to read the API documentation.');
  };
  const routes = documentation.routes as unknown as
    | DocumentationRoute[]
    | Record<string, { routes: DocumentationRoute[] }>;
  const list = Array.isArray(routes) ? routes : Object.values(routes).flatMap((group) => group.routes);
  for (const route of list) {
    if (route.handler !== 'documentation.index') continue;
    route.config = { ...route.config, middlewares: [gate, ...(route.config?.middlewares ?? [])] };
  }
}
