/** Files the admin API sends back (exports, attachments), handed to the browser as downloads. */

/** A downloaded file: its bytes and the name the server suggests. */
export interface Download {
  blob: Blob;
  fileName: string | null;
}

/** The file name of a Content-Disposition header (RFC 6266: `filename*` first, then `filename`). */
export const fileNameOf = (disposition: string | null | undefined): string | null => {
  if (!disposition) return null;
  const encoded = /filename\*\s*=\s*(?:UTF-8'')?"?([^";]+)"?/i.exec(disposition);
  if (encoded) {
    try {
      return decodeURIComponent(encoded[1]);
    } catch {
      // fall through to the plain name
    }
  }
  return /filename\s*=\s*"?([^";]+)"?/i.exec(disposition)?.[1] ?? null;
};

/** Hands a downloaded file to the browser, as if it had been a link. */
export function saveFile({ blob, fileName }: Download, fallbackName: string) {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName || fallbackName;
  link.rel = 'noopener';
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
