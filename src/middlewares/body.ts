/**
 * The body parser (replaces strapi::body): koa-body as Strapi configures it (JSON, forms, text, `ctx.request.body`
 * and `ctx.request.files`), with the rules of src/domain/request-bodies.ts:
 * - every body is capped by the bytes that stream in, chunked ones too: 413 as soon as the cap is passed, and the
 *   rest is not read (the connection is closed after the answer);
 * - multipart is parsed only on the declared file routes, with formidable's limits; elsewhere it is refused
 *   unread, so nothing reaches the disk;
 * - every temporary upload of the request (formidable's partial files too) is removed once the request is over,
 *   whatever the outcome: answered, refused, failed or abandoned by the client.
 */
import { once } from 'events';
import fs from 'fs';
import type { IncomingMessage } from 'http';
import { Transform } from 'stream';
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { koaBody } from 'koa-body';
import { fieldError } from '#domain/errors';
import { bodyRoutes, bodyRuleFor, type BodyRule } from '#domain/request-bodies';
import { uploadsInFlight, uploadTempDir } from '#infra/private-files';
import { validationError } from '#utils/errors';
import { requestLanguage } from '#utils/http';

interface Context {
  method: string;
  path: string;
  req: IncomingMessage;
  res: import('http').ServerResponse;
  request: { body?: unknown; files?: unknown; get(header: string): string };
  get(header: string): string;
  set(header: string, value: string): void;
  is(...types: string[]): string | false | null;
}

const PARSED_METHODS = ['POST', 'PUT', 'PATCH'];

const tooLarge = (maxBytes: number) =>
  new errors.PayloadTooLargeError('The request is too large.', { maxBytes });

/** The answer will be sent before the body was read: close the connection after it rather than read the rest. */
function closeAfterAnswer(ctx: Context, req: IncomingMessage) {
  ctx.set('Connection', 'close');
  req.unpipe();
  req.pause();
}

/**
 * The request as the parsers read it: the same headers, bytes counted as they stream in, and an error as soon as
 * the cap is passed (the request itself is then paused, so the rest is never read).
 */
function countedRequest(req: IncomingMessage, maxBytes: number, onTooLarge: () => void): IncomingMessage {
  let bytes = 0;
  const counted = new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      bytes += chunk.length;
      if (bytes > maxBytes) {
        onTooLarge();
        callback(tooLarge(maxBytes));
        return;
      }
      callback(null, chunk);
    },
  });
  // The parsers stop listening once they have failed; a later error must not go unhandled.
  counted.on('error', () => undefined);
  const abandoned = () => {
    if (req.complete || counted.destroyed) return;
    counted.emit('aborted');
    counted.destroy(new Error('Request aborted'));
  };
  req.on('aborted', abandoned);
  req.on('close', abandoned);
  req.on('error', (error) => counted.destroy(error));
  req.pipe(counted);
  return Object.assign(counted, { headers: req.headers, socket: req.socket }) as unknown as IncomingMessage;
}

/** formidable's and raw-body's refusals in Strapi's shapes; anything else is passed on unchanged. */
function asStrapiError(error: unknown, rule: BodyRule, ctx: Context) {
  if (error instanceof errors.PayloadTooLargeError) return error;
  const { status, httpCode } = (error ?? {}) as { status?: number; httpCode?: number };
  if (status === 413 || httpCode === 413) return tooLarge(rule.maxBytes);
  if (httpCode !== undefined) {
    return validationError([
      fieldError(
        [],
        'Nội dung multipart không hợp lệ hoặc vượt giới hạn.',
        'The multipart body is malformed or over its limits.',
        requestLanguage(ctx)
      ),
    ]);
  }
  return error;
}

/** Closes and deletes the request's temporary files; waits for each to be closed, so none is created after. */
async function removeTemporary(streams: fs.WriteStream[]) {
  await Promise.all(
    streams.splice(0).map(async (stream) => {
      if (!stream.closed) {
        const closed = once(stream, 'close').catch(() => undefined);
        stream.destroy();
        await closed;
      }
      await fs.promises.rm(String(stream.path), { force: true });
      uploadsInFlight.delete(String(stream.path));
    })
  );
}

export default (_config: unknown, { strapi }: { strapi: Core.Strapi }) => {
  const routes = bodyRoutes(process.env);
  const uploadDir = uploadTempDir(strapi.dirs.app.root);
  fs.mkdirSync(uploadDir, { recursive: true, mode: 0o700 });

  return async (ctx: Context, next: () => Promise<void>) => {
    const rule = bodyRuleFor(routes, ctx.method, ctx.path);
    const declared = Number(ctx.get('content-length') || 0);
    if (ctx.is('multipart') && !rule.files) {
      closeAfterAnswer(ctx, ctx.req);
      throw validationError([
        fieldError(
          [],
          'Địa chỉ này không nhận tệp đính kèm.',
          'This address does not take files.',
          requestLanguage(ctx)
        ),
      ]);
    }
    if (declared > rule.maxBytes) {
      closeAfterAnswer(ctx, ctx.req);
      throw tooLarge(rule.maxBytes);
    }
    const hasBody = Boolean(ctx.get('transfer-encoding')) || declared > 0;
    if (!hasBody || !PARSED_METHODS.includes(ctx.method.toUpperCase())) return next();

    const streams: fs.WriteStream[] = [];
    const cleanup = () => removeTemporary(streams);
    // A client gone mid-upload: its partial files go now, not when the request's promise settles.
    const onAborted = () => {
      cleanup().catch((error) =>
        strapi.log.warn(`temporary upload not removed: ${(error as Error).message}`)
      );
    };
    ctx.req.once('aborted', onAborted);
    let files = 0;
    const original = ctx.req;
    try {
      ctx.req = countedRequest(original, rule.maxBytes, () => closeAfterAnswer(ctx, original));
      try {
        await koaBody({
          multipart: Boolean(rule.files),
          patchKoa: true,
          jsonLimit: rule.maxBytes,
          formLimit: rule.maxBytes,
          textLimit: rule.maxBytes,
          formidable: rule.files && {
            uploadDir,
            maxFileSize: rule.files.maxTotalFileBytes,
            maxFields: rule.files.maxFields,
            maxFieldsSize: rule.files.maxFieldsBytes,
            // formidable 2 has no maxFiles: files past the limit are not written, and the request is refused below.
            filter: () => (files += 1) <= rule.files!.maxFiles,
            // Our own write streams, so that each one is known, and closed before it is deleted.
            // (formidable's VolatileFile keeps the path it was given; its types omit it.)
            fileWriteStreamHandler: (file?: unknown) => {
              const { filepath } = file as { filepath: string };
              const stream = fs.createWriteStream(filepath, { flags: 'wx', mode: 0o600 });
              streams.push(stream);
              uploadsInFlight.add(filepath);
              return stream;
            },
          },
        })(ctx as never, async () => undefined);
      } catch (error) {
        throw asStrapiError(error, rule, ctx);
      } finally {
        ctx.req = original;
      }
      if (rule.files && files > rule.files.maxFiles) {
        throw validationError([
          fieldError(
            ['files'],
            `Chỉ được gửi tối đa ${rule.files.maxFiles} tệp.`,
            `At most ${rule.files.maxFiles} files may be sent.`,
            requestLanguage(ctx)
          ),
        ]);
      }
      await next();
    } finally {
      ctx.req.off('aborted', onAborted);
      await cleanup();
    }
  };
};
