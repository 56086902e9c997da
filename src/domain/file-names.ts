/**
 * Original file names as people send them: kept for display and downloads, never trusted. A cleaned name has no
 * control, format or bidi characters (a right-to-left override can make "gpj.exe" read as "exe.jpg"), no NUL, no
 * path (only its last segment) and a bounded length that keeps the extension.
 */
const MAX_LENGTH = 120;

// Cc controls, Cf format characters (bidi overrides and isolates, zero-widths, BOM), line/paragraph separators
// and lone surrogates.
const UNSAFE = /[\p{Cc}\p{Cf}\u2028\u2029]|\p{Cs}/gu;

export function cleanFileName(name: unknown, maxLength = MAX_LENGTH): string | null {
  if (typeof name !== 'string') return null;
  const lastSegment = name.normalize('NFC').split(/[\\/]/).pop() ?? '';
  const cleaned = lastSegment
    .replace(UNSAFE, '')
    .replace(/\s+/g, ' ')
    .trim()
    // "..", "." and leading dots would read as paths or hidden files.
    .replace(/^\.+/, '')
    .trim();
  if (!cleaned) return null;
  const chars = [...cleaned];
  if (chars.length <= maxLength) return cleaned;
  const dot = cleaned.lastIndexOf('.');
  const extension = dot > 0 && cleaned.length - dot <= 10 ? cleaned.slice(dot) : '';
  return [...cleaned.slice(0, cleaned.length - extension.length)]
    .slice(0, maxLength - [...extension].length)
    .join('')
    .trimEnd()
    .concat(extension);
}

/** RFC 6266 / 5987: an ASCII fallback and the UTF-8 original, so Vietnamese file names survive. */
export function contentDisposition(name: string | null, fallback = 'attachment'): string {
  const clean = cleanFileName(name) ?? fallback;
  const ascii =
    clean
      .normalize('NFD')
      .replace(/\p{M}+/gu, '')
      .replace(/đ/g, 'd')
      .replace(/Đ/g, 'D')
      .replace(/[^\x20-\x7e]/g, '')
      .replace(/["\\;]/g, '_') || fallback;
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(clean)}`;
}
