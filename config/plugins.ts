import type { Core } from '@strapi/strapi';
import { MEDIA_PREFIX, mediaBaseUrl, s3ClientOptions, storageConfig } from '../src/infra/storage/config';
import { secrets } from './support/secrets';

// Explicit allow-list; SVG and HTML are never accepted (they execute in the admin's origin).
const allowedTypes = [
  'image/jpeg',
  'image/png',
  'image/webp',
  'image/gif',
  'video/mp4',
  'video/webm',
  'audio/mpeg',
  'application/pdf',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation',
];

const deniedTypes = [
  'image/svg+xml',
  'text/html',
  'application/xhtml+xml',
  'application/javascript',
  'application/x-msdownload',
  'application/x-msdos-program',
  'application/x-executable',
  'application/x-dosexec',
  'application/x-sh',
  'text/x-shellscript',
];

/**
 * With S3_BUCKET, the media library's files go to the bucket's media/ prefix (@strapi/provider-upload-aws-s3) and
 * their URLs are under S3_PUBLIC_URL; without it, public/uploads as before. Same client options as the private
 * store (checksums only when required). No ACL is sent: media/ is made readable by the bucket's policy (or the
 * proxy in front of it), and stores with ACLs disabled refuse ACL headers.
 */
function mediaProvider() {
  const s3 = storageConfig(process.env);
  if (!s3) return {};
  if (!s3.publicUrl)
    throw new Error('S3_PUBLIC_URL is required with S3_BUCKET: the public URL of the media files');
  return {
    provider: 'aws-s3',
    providerOptions: {
      baseUrl: mediaBaseUrl(s3.publicUrl),
      rootPath: MEDIA_PREFIX.slice(0, -1),
      s3Options: { ...s3ClientOptions(s3), params: { Bucket: s3.bucket, ACL: undefined } },
    },
  };
}

const config = ({ env }: Core.Config.Shared.ConfigParams): Core.Config.Plugin => ({
  'users-permissions': {
    config: {
      jwtSecret: secrets().JWT_SECRET,
      jwt: { algorithm: 'HS256' },
      jwtManagement: 'refresh',
      sessions: { httpOnly: true },
    },
  },
  // OpenAPI of the content API at /documentation (the website team's contract; docs/API.md explains it).
  documentation: {
    enabled: true,
    config: {
      info: {
        version: '1.0.0',
        title: 'TTHC communication — content API',
        description:
          'Published content, procedure search, citizen feedback (PAKN) intake and satisfaction surveys. See docs/API.md.',
      },
      'x-strapi-config': { plugins: [], path: '/documentation' },
      servers: [{ url: `${env('PUBLIC_URL', 'http://localhost:1337')}/api`, description: 'This server' }],
    },
  },
  // Staff side of citizens' feedback: the register, its workflow and attachment downloads.
  'feedback-register': { enabled: true, resolve: './src/plugins/feedback-register' },
  // SMTP from the environment. Without SMTP_HOST, mail is only captured in the email_outbox table.
  email: {
    config: {
      provider: 'nodemailer',
      providerOptions: {
        host: env('SMTP_HOST', '127.0.0.1'),
        port: env.int('SMTP_PORT', 587),
        secure: env.bool('SMTP_SECURE', false),
        auth: env('SMTP_USERNAME', '')
          ? { user: env('SMTP_USERNAME'), pass: env('SMTP_PASSWORD') }
          : undefined,
        connectionTimeout: 10_000,
      },
      settings: {
        defaultFrom: env('SMTP_FROM', 'no-reply@localhost'),
        defaultReplyTo: env('SMTP_REPLY_TO', env('SMTP_FROM', 'no-reply@localhost')),
      },
    },
  },
  // The local plugins' settings come from environment variables: each one's server/src/config names them, with
  // their defaults and checks. A `config: { ... }` here overrides them.
  'unit-submissions': { enabled: true, resolve: './src/plugins/unit-submissions' },
  oversight: { enabled: true, resolve: './src/plugins/oversight' },
  'procedure-import': { enabled: true, resolve: './src/plugins/procedure-import' },
  // Citizen widgets served to any website at /widgets/v1 (docs/WIDGETS.md), and their settings page.
  widgets: { enabled: true, resolve: './src/plugins/widgets' },
  'annual-report': { enabled: true, resolve: './src/plugins/annual-report' },
  upload: {
    config: {
      ...mediaProvider(),
      sizeLimit: env.int('UPLOAD_SIZE_LIMIT_MB', 200) * 1024 * 1024,
      security: { allowedTypes, deniedTypes },
    },
  },
});

export default config;
