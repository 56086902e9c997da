/**
 * OpenAPI descriptions of the custom public routes, merged by @strapi/plugin-documentation into the document it
 * generates for the standard routes (served at /documentation). docs/API.md is the prose version.
 */
import type { Core } from '@strapi/strapi';

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
const pagination = {
  type: 'object',
  properties: {
    page: { type: 'integer' },
    pageSize: { type: 'integer' },
    pageCount: { type: 'integer' },
    total: { type: 'integer' },
  },
};
const label = { type: 'object', properties: { vi: { type: 'string' }, en: { type: 'string' } } };
const feedbackKind = {
  type: 'string',
  enum: [
    'official_conduct',
    'impractical_rule',
    'inconsistent_rules',
    'unlawful_rule',
    'treaty_conflict',
    'other_issue',
    'proposed_solution',
    'new_rule_initiative',
  ],
};
const feedbackInput = {
  type: 'object',
  required: ['fullName', 'address', 'kind', 'subject', 'content', 'consent', 'formToken'],
  properties: {
    fullName: { type: 'string', maxLength: 120 },
    address: { type: 'string', maxLength: 500 },
    phone: { type: 'string', maxLength: 20, description: 'Phone and/or email is required' },
    email: { type: 'string', format: 'email', maxLength: 254 },
    kind: feedbackKind,
    subject: { type: 'string', maxLength: 255 },
    content: { type: 'string', maxLength: 10000 },
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
const criteria = [
  'timeliness',
  'agencyCount',
  'visitCount',
  'informationAccuracy',
  'staffAttitude',
  'lawfulness',
  'feedbackHandling',
  'onlineService',
];

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
            'Words (each must match); a national code d.dddddd ranks first'
          ),
          query('field', { type: 'string' }, 'Field code, e.g. dat-dai'),
          query('level', { type: 'string', enum: ['ministry', 'province', 'commune', 'district'] }, 'Level'),
          query('onlineLevel', { type: 'string', enum: ['fully_online', 'partly_online', 'not_online'] }, ''),
          query('status', { type: 'string', enum: ['in_force', 'amended', 'abolished'] }, 'Legal status'),
          query('page', { type: 'integer', minimum: 1, maximum: 1000 }, ''),
          query('pageSize', { type: 'integer', minimum: 1, maximum: 100 }, ''),
          query('locale', { type: 'string', enum: ['vi', 'en'] }, 'Default vi'),
        ],
        responses: {
          200: {
            description: 'Ranked published procedures',
            content: {
              'application/json': {
                schema: {
                  type: 'object',
                  properties: {
                    data: { type: 'array', items: { $ref: '#/components/schemas/Procedure' } },
                    meta: { type: 'object', properties: { pagination } },
                  },
                },
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
          200: {
            description: 'Never cached (Cache-Control: no-store)',
            content: {
              'application/json': {
                schema: {
                  type: 'object',
                  properties: {
                    data: {
                      type: 'object',
                      properties: {
                        formToken: { type: 'string' },
                        kinds: {
                          type: 'array',
                          items: { type: 'object', properties: { value: feedbackKind, label } },
                        },
                        notice: {
                          type: 'object',
                          properties: { version: { type: 'string' }, text: { type: 'object' } },
                        },
                        limits: { type: 'object' },
                      },
                    },
                  },
                },
              },
            },
          },
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
              schema: {
                type: 'object',
                properties: {
                  data: { type: 'string', description: 'The JSON above' },
                  files: {
                    type: 'array',
                    maxItems: 5,
                    items: { type: 'string', format: 'binary' },
                    description: 'PDF, JPEG, PNG, DOCX or XLSX, judged by their bytes; 10 MB each',
                  },
                },
              },
            },
          },
        },
        responses: {
          201: {
            description: 'Received',
            content: {
              'application/json': {
                schema: {
                  type: 'object',
                  properties: {
                    data: {
                      type: 'object',
                      properties: {
                        trackingCode: { type: 'string', example: 'ABCD-EFGH-JKMN-PQRS-TVWX-YZ01-23' },
                        status: { type: 'string', enum: ['received'] },
                        receivedAt: { type: 'string', format: 'date-time' },
                        dueDate: { type: 'string', format: 'date' },
                      },
                    },
                  },
                },
              },
            },
          },
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
          200: {
            description: 'Never cached',
            content: {
              'application/json': {
                schema: {
                  type: 'object',
                  properties: {
                    data: {
                      type: 'object',
                      properties: {
                        status: {
                          type: 'string',
                          enum: [
                            'received',
                            'not_accepted',
                            'transferred',
                            'in_progress',
                            'answered',
                            'published',
                          ],
                        },
                        receivedAt: { type: 'string', format: 'date-time' },
                        dueDate: { type: 'string', format: 'date' },
                        answeredAt: { type: 'string', format: 'date-time', nullable: true },
                        answer: { type: 'string', nullable: true },
                      },
                    },
                  },
                },
              },
            },
          },
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
        responses: { 200: { description: 'Answered feedback, newest first' }, 400: errors[400] },
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
                  ratings: {
                    type: 'object',
                    properties: Object.fromEntries(
                      criteria.map((c) => [c, { type: 'integer', minimum: 1, maximum: 5 }])
                    ),
                  },
                  procedure: { type: 'string' },
                  comment: { type: 'string', maxLength: 2000 },
                  channel: { type: 'string', enum: ['web', 'kiosk', 'paper'] },
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

/** Internal collections (units, holidays) have REST routes for API tokens only: keep them out of the contract. */
export function registerOpenApi(strapi: Core.Strapi) {
  const documentation = strapi.plugin('documentation');
  if (!documentation) return;
  const override = documentation.service('override');
  override.excludeFromGeneration(['unit', 'holiday']);
  override.registerOverride(openApiOverride);
}
