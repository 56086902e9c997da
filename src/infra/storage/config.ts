/**
 * The storage rules that need neither Strapi nor the SDK: which store the environment asks for, what a key may
 * look like, and the S3 client options. Unit-tested in src/infra/__tests__/storage-config.test.ts.
 */

/** Object storage settings, from S3_* variables (docs/ARCHITECTURE.md, "Storage"). */
export interface S3Config {
  bucket: string;
  endpoint: string | undefined;
  region: string;
  accessKeyId: string | undefined;
  secretAccessKey: string | undefined;
  forcePathStyle: boolean;
  /** Where the private objects live in the bucket, ending with '/': `private/` unless S3_PREFIX says otherwise. */
  prefix: string;
  /** Public base URL of the media library's files (S3_PUBLIC_URL), without a trailing '/'. */
  publicUrl: string | undefined;
}

/** The bucket's prefix of the media library (the upload provider's rootPath); never private. */
export const MEDIA_PREFIX = 'media/';

export class StorageConfigError extends Error {}

const flag = (name: string, value: string | undefined, fallback: boolean) => {
  if (value === undefined || value.trim() === '') return fallback;
  if (/^(true|1|yes|on)$/i.test(value.trim())) return true;
  if (/^(false|0|no|off)$/i.test(value.trim())) return false;
  throw new StorageConfigError(`${name} must be true or false, not "${value}"`);
};

const blank = (value: string | undefined) => (value?.trim() ? value.trim() : undefined);

/** The object storage the environment configures; null (local disk) without S3_BUCKET. */
export function storageConfig(env: Record<string, string | undefined>): S3Config | null {
  const bucket = blank(env.S3_BUCKET);
  if (!bucket) return null;
  const endpoint = blank(env.S3_ENDPOINT);
  if (endpoint && !/^https?:\/\/[^/]/.test(endpoint)) {
    throw new StorageConfigError(`S3_ENDPOINT must be an http(s) URL, not "${endpoint}"`);
  }
  const accessKeyId = blank(env.S3_ACCESS_KEY_ID);
  const secretAccessKey = blank(env.S3_SECRET_ACCESS_KEY);
  if (Boolean(accessKeyId) !== Boolean(secretAccessKey)) {
    throw new StorageConfigError('S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY go together');
  }
  const prefix = `${(blank(env.S3_PREFIX) ?? 'private/').replace(/^\/+|\/+$/g, '')}/`;
  if (!isKey(prefix.slice(0, -1)))
    throw new StorageConfigError(`S3_PREFIX "${env.S3_PREFIX}" is not a key prefix`);
  // Private objects under the media prefix would be served to anyone by the proxy in front of the bucket.
  if (prefix.startsWith(MEDIA_PREFIX)) {
    throw new StorageConfigError(`S3_PREFIX must not be under ${MEDIA_PREFIX}: that prefix is public`);
  }
  const publicUrl = blank(env.S3_PUBLIC_URL)?.replace(/\/+$/, '');
  if (publicUrl && !/^https?:\/\/[^/]/.test(publicUrl)) {
    throw new StorageConfigError(`S3_PUBLIC_URL must be an http(s) URL, not "${publicUrl}"`);
  }
  return {
    bucket,
    endpoint,
    region: blank(env.S3_REGION) ?? 'us-east-1',
    accessKeyId,
    secretAccessKey,
    forcePathStyle: flag('S3_FORCE_PATH_STYLE', env.S3_FORCE_PATH_STYLE, Boolean(endpoint)),
    prefix,
    publicUrl,
  };
}

/**
 * Options of an S3Client (@aws-sdk/client-s3 and the media provider's). Checksums only when an operation requires
 * them: since 3.729 the SDK adds CRC32 checksums (and aws-chunked bodies) to every upload by default, which several
 * S3-compatible stores refuse (aws-sdk-js-v3 #6819).
 */
export function s3ClientOptions(config: S3Config) {
  return {
    region: config.region,
    ...(config.endpoint ? { endpoint: config.endpoint } : {}),
    forcePathStyle: config.forcePathStyle,
    ...(config.accessKeyId
      ? { credentials: { accessKeyId: config.accessKeyId, secretAccessKey: config.secretAccessKey! } }
      : {}),
    requestChecksumCalculation: 'WHEN_REQUIRED' as const,
    responseChecksumValidation: 'WHEN_REQUIRED' as const,
  };
}

/**
 * The provider's baseUrl for S3_PUBLIC_URL. The provider makes a file's URL `${baseUrl}/${rootPath}/${name}`;
 * S3_PUBLIC_URL is where the bucket's media/ prefix is served (e.g. https://cms.example.gov.vn/media, proxied to
 * the bucket's media/), so it must end with /media, which the provider adds back.
 */
export function mediaBaseUrl(publicUrl: string): string {
  const base = publicUrl.replace(/\/+$/, '');
  const suffix = `/${MEDIA_PREFIX.slice(0, -1)}`;
  if (!base.endsWith(suffix)) {
    throw new StorageConfigError(
      `S3_PUBLIC_URL must end with ${suffix} (where the bucket's ${MEDIA_PREFIX} prefix is served), not "${publicUrl}"`
    );
  }
  return base.slice(0, -suffix.length);
}

export class StorageKeyError extends Error {}

/**
 * A key is a relative path of '/'-separated names: no leading '/', no '.' or '..' name, no empty name, no
 * backslash or control character. Keys come from the server (stored names), but a store never trusts them.
 */
export function checkKey(key: string): string {
  if (typeof key !== 'string' || key === '' || key.length > 512) throw new StorageKeyError('bad key');
  // eslint-disable-next-line no-control-regex
  if (key.startsWith('/') || key.includes('\\') || /[\u0000-\u001f\u007f]/.test(key)) {
    throw new StorageKeyError(`bad key "${key}"`);
  }
  if (key.split('/').some((name) => name === '' || name === '.' || name === '..')) {
    throw new StorageKeyError(`bad key "${key}"`);
  }
  return key;
}

const isKey = (key: string) => {
  try {
    checkKey(key);
    return true;
  } catch {
    return false;
  }
};

/** A list prefix: empty (the top), or a key's beginning (a folder ending with '/', or the start of a name). */
export function checkPrefix(prefix: string): string {
  if (prefix === '') return prefix;
  checkKey(prefix.endsWith('/') ? prefix.slice(0, -1) : prefix);
  return prefix;
}
