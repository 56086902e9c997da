/**
 * The CMS the widgets talk to: the origin their script came from, unless the element names another in `api`
 * (a site that proxies the CMS under its own host). Requests are cross-origin from the host page: the CMS answers
 * them only for the origins its IT Center allowed (Website widgets settings).
 */

// A classic script knows its own address only while it runs; a module knows it through import.meta.
const scriptUrl =
  (typeof document !== 'undefined' && (document.currentScript as HTMLScriptElement | null)?.src) ||
  import.meta.url ||
  (typeof location !== 'undefined' ? location.href : 'http://localhost/');

export const SCRIPT_ORIGIN = new URL(scriptUrl).origin;

export function apiBase(override: string | null | undefined): string {
  return (override || SCRIPT_ORIGIN).replace(/\/+$/, '');
}

export interface FieldError {
  path: string[];
  message: string;
  messages?: { vi?: string; en?: string };
}

/** A failed request: the server's answer (status, name, per-field errors), or a network failure (status 0). */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly name: string,
    message: string,
    readonly errors: FieldError[] = [],
    readonly retryAfter: number | null = null
  ) {
    super(message);
  }
}

async function failure(response: Response): Promise<ApiError> {
  const body = await response.json().catch(() => null);
  const error = body?.error ?? {};
  const retry = Number(response.headers.get('Retry-After'));
  return new ApiError(
    response.status,
    error.name || 'HttpError',
    error.message || response.statusText,
    Array.isArray(error.details?.errors) ? error.details.errors : [],
    retry > 0 ? retry : null
  );
}

/**
 * GET as JSON. The browser's HTTP cache revalidates with the ETag the CMS sends (an unchanged answer is a 304);
 * `signal` cancels a request that a newer one replaced.
 */
export async function getJson<T>(base: string, path: string, lang: string, signal?: AbortSignal): Promise<T> {
  let response: Response;
  try {
    response = await fetch(`${base}${path}`, {
      headers: { Accept: 'application/json', 'Accept-Language': lang },
      signal,
      mode: 'cors',
    });
  } catch (error) {
    if ((error as Error).name === 'AbortError') throw error;
    throw new ApiError(0, 'NetworkError', String(error));
  }
  if (!response.ok) throw await failure(response);
  return response.json() as Promise<T>;
}

/** Builds a query string from the values that are set. */
export function query(params: Record<string, string | number | null | undefined>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== null && value !== undefined && value !== '') search.set(key, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}

export interface SendOptions {
  body: Document | XMLHttpRequestBodyInit;
  headers?: Record<string, string>;
  /** Upload progress from 0 to 1, when the body is large enough for the browser to report it. */
  onProgress?: (fraction: number) => void;
}

/**
 * POST with upload progress (fetch reports none): XMLHttpRequest, resolved with the JSON body of a 2xx answer and
 * rejected with an ApiError otherwise (status 0 when the network failed).
 */
export function post<T>(url: string, options: SendOptions): Promise<T> {
  return new Promise((resolve, reject) => {
    const request = new XMLHttpRequest();
    request.open('POST', url);
    request.setRequestHeader('Accept', 'application/json');
    for (const [name, value] of Object.entries(options.headers ?? {})) request.setRequestHeader(name, value);
    if (options.onProgress) {
      const report = options.onProgress;
      request.upload.addEventListener('progress', (event) => {
        if (event.lengthComputable && event.total > 0) report(event.loaded / event.total);
      });
    }
    request.addEventListener('load', () => {
      let body: unknown = null;
      try {
        body = JSON.parse(request.responseText);
      } catch {
        body = null;
      }
      if (request.status >= 200 && request.status < 300) return resolve(body as T);
      const error = (body as { error?: Record<string, unknown> } | null)?.error ?? {};
      const details = error.details as { errors?: FieldError[] } | undefined;
      const retry = Number(request.getResponseHeader('Retry-After'));
      reject(
        new ApiError(
          request.status,
          (error.name as string) || 'HttpError',
          (error.message as string) || request.statusText,
          Array.isArray(details?.errors) ? details.errors : [],
          retry > 0 ? retry : null
        )
      );
    });
    const offline = () => reject(new ApiError(0, 'NetworkError', 'network'));
    request.addEventListener('error', offline);
    request.addEventListener('timeout', offline);
    request.addEventListener('abort', offline);
    request.send(options.body);
  });
}
