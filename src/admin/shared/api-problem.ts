/** Strapi's error responses, reduced to what the local plugins' pages show. */
import { isFetchError } from '@strapi/strapi/admin';

/** An API failure, reduced to what the UI shows: the status, Strapi's error name, a message, per-field messages. */
export interface ApiProblem {
  status: number | null;
  name: string | null;
  message: string;
  /** Messages by field path (`a.b`), without a leading `data.`. */
  fields: Record<string, string>;
  aborted: boolean;
}

interface ErrorItem {
  path?: string[] | string;
  message?: string;
  messages?: Record<string, string>;
}

const fieldPath = (path: ErrorItem['path']) => {
  const parts = Array.isArray(path) ? [...path] : path ? path.split('.') : [];
  if (parts[0] === 'data' && parts.length > 1) parts.shift();
  return parts.join('.');
};

/**
 * With `locale`, field messages are taken in the UI's language when the server sent both (`messages`); without it,
 * as the server chose them (by the request's Accept-Language).
 */
export function problemOf(error: unknown, locale?: string): ApiProblem {
  const aborted = error instanceof Error && error.name === 'AbortError';
  if (!isFetchError(error)) {
    return {
      status: null,
      name: null,
      message: error instanceof Error ? error.message : String(error),
      fields: {},
      aborted,
    };
  }
  const apiError = error.response?.data?.error as
    | { name?: string; message?: string; status?: number; details?: { errors?: ErrorItem[] } }
    | undefined;
  const language = locale === undefined ? null : locale.startsWith('en') ? 'en' : 'vi';
  const fields: Record<string, string> = {};
  for (const item of apiError?.details?.errors ?? []) {
    const path = fieldPath(item.path);
    const message = (language && item.messages?.[language]) || item.message;
    if (message && !(path in fields)) fields[path] = message;
  }
  return {
    status: error.status ?? apiError?.status ?? null,
    name: apiError?.name ?? null,
    message: apiError?.message ?? error.message,
    fields,
    aborted,
  };
}

export const isConflict = (problem: ApiProblem) => problem.status === 409 || problem.name === 'ConflictError';
