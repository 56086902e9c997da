import {
  checkKey,
  checkPrefix,
  mediaBaseUrl,
  s3ClientOptions,
  storageConfig,
  StorageConfigError,
  StorageKeyError,
} from '../storage/config';

describe('storageConfig', () => {
  it('is null (local disk) without S3_BUCKET', () => {
    expect(storageConfig({})).toBeNull();
    expect(storageConfig({ S3_BUCKET: '  ', S3_ENDPOINT: 'http://127.0.0.1:9000' })).toBeNull();
  });

  it('reads the S3 variables, with path-style addressing by default when an endpoint is given', () => {
    expect(
      storageConfig({
        S3_BUCKET: 'tthc',
        S3_ENDPOINT: 'http://127.0.0.1:9000',
        S3_ACCESS_KEY_ID: 'key',
        S3_SECRET_ACCESS_KEY: 'secret',
        S3_PUBLIC_URL: 'https://cms.example.gov.vn/media/',
      })
    ).toEqual({
      bucket: 'tthc',
      endpoint: 'http://127.0.0.1:9000',
      region: 'us-east-1',
      accessKeyId: 'key',
      secretAccessKey: 'secret',
      forcePathStyle: true,
      prefix: 'private/',
      publicUrl: 'https://cms.example.gov.vn/media',
    });
    const aws = storageConfig({ S3_BUCKET: 'tthc', S3_REGION: 'ap-southeast-1' })!;
    expect(aws).toMatchObject({ endpoint: undefined, region: 'ap-southeast-1', forcePathStyle: false });
    expect(aws.accessKeyId).toBeUndefined();
  });

  it('takes S3_FORCE_PATH_STYLE and S3_PREFIX as given, normalised', () => {
    const config = storageConfig({
      S3_BUCKET: 'b',
      S3_ENDPOINT: 'https://s3.example.vn',
      S3_FORCE_PATH_STYLE: 'false',
      S3_PREFIX: '/site-a/private',
    })!;
    expect(config.forcePathStyle).toBe(false);
    expect(config.prefix).toBe('site-a/private/');
    expect(storageConfig({ S3_BUCKET: 'b', S3_PREFIX: '' })!.prefix).toBe('private/');
  });

  it('refuses what would fail later or expose private files', () => {
    const bad = [
      { S3_BUCKET: 'b', S3_FORCE_PATH_STYLE: 'maybe' },
      { S3_BUCKET: 'b', S3_ENDPOINT: '127.0.0.1:9000' },
      { S3_BUCKET: 'b', S3_ACCESS_KEY_ID: 'only-the-key' },
      { S3_BUCKET: 'b', S3_PREFIX: 'media/private' },
      { S3_BUCKET: 'b', S3_PREFIX: 'a/../b' },
      { S3_BUCKET: 'b', S3_PUBLIC_URL: 'cms.example.gov.vn/media' },
    ];
    for (const env of bad) expect(() => storageConfig(env)).toThrow(StorageConfigError);
  });
});

describe('s3ClientOptions', () => {
  it('asks for checksums only where an operation requires them (aws-sdk-js-v3 #6819)', () => {
    const config = storageConfig({
      S3_BUCKET: 'b',
      S3_ENDPOINT: 'http://127.0.0.1:9000',
      S3_ACCESS_KEY_ID: 'k',
      S3_SECRET_ACCESS_KEY: 's',
    })!;
    expect(s3ClientOptions(config)).toEqual({
      region: 'us-east-1',
      endpoint: 'http://127.0.0.1:9000',
      forcePathStyle: true,
      credentials: { accessKeyId: 'k', secretAccessKey: 's' },
      requestChecksumCalculation: 'WHEN_REQUIRED',
      responseChecksumValidation: 'WHEN_REQUIRED',
    });
    expect(s3ClientOptions(storageConfig({ S3_BUCKET: 'b' })!)).not.toHaveProperty('credentials');
  });
});

describe('mediaBaseUrl', () => {
  it('is S3_PUBLIC_URL without the /media the provider adds back', () => {
    expect(mediaBaseUrl('https://cms.example.gov.vn/media')).toBe('https://cms.example.gov.vn');
    expect(mediaBaseUrl('http://127.0.0.1:18100/tthc/media/')).toBe('http://127.0.0.1:18100/tthc');
    expect(() => mediaBaseUrl('https://cdn.example.gov.vn/files')).toThrow(StorageConfigError);
  });
});

describe('checkKey and checkPrefix', () => {
  it('accept relative paths of plain names', () => {
    expect(checkKey('0a1b.pdf')).toBe('0a1b.pdf');
    expect(checkKey('annual-report-exports/0a1b.xlsx')).toBe('annual-report-exports/0a1b.xlsx');
    expect(checkPrefix('')).toBe('');
    expect(checkPrefix('annual-report-exports/')).toBe('annual-report-exports/');
  });

  it('refuse anything that could leave the store or mean two things', () => {
    const bad = [
      '',
      '/etc/passwd',
      '../x',
      'a/../../x',
      'a/./b',
      'a//b',
      'a/',
      'a\\b',
      'a\u0000b',
      'x'.repeat(513),
    ];
    for (const key of bad) expect(() => checkKey(key)).toThrow(StorageKeyError);
    for (const prefix of ['/', '../', 'a//', '..'])
      expect(() => checkPrefix(prefix)).toThrow(StorageKeyError);
  });
});
