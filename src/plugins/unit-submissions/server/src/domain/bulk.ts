/**
 * Bulk moves of the IT Center's review queue: claim several submissions, or approve several. Pure module: the
 * request is checked whole before any submission is touched; each item is then judged by the single move's
 * rules (workflow.ts) and reported on its own.
 */
import { fieldError, type FieldError, type Language } from '#domain/errors';
import { DOCUMENT_ID } from './submission-input';
import type { SubmissionState } from './workflow';

/** Each bulk move and the workflow state it moves to. */
export const BULK_MOVES = { claim: 'in_review', approve: 'approved' } as const satisfies Record<
  string,
  SubmissionState
>;
export type BulkMove = keyof typeof BULK_MOVES;

export const MAX_BULK_ITEMS = 50;
export const MAX_COMMENT_LENGTH = 5000;

export interface BulkRequest {
  move: BulkMove;
  ids: string[];
  /** The version the client saw, per documentId; an item without one is judged on the version stored now. */
  versions: Record<string, number>;
  /** Only with approve. */
  comment: string | null;
}

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === 'object' && !Array.isArray(value);

export function parseBulkRequest(
  raw: unknown,
  language: Language = 'vi'
): { ok: true; value: BulkRequest } | { ok: false; errors: FieldError[] } {
  if (!isPlainObject(raw)) {
    return {
      ok: false,
      errors: [fieldError([], 'Dữ liệu phải là một đối tượng.', 'The body must be an object.', language)],
    };
  }
  const errors: FieldError[] = [];
  const fail = (path: string[], vi: string, en: string) => errors.push(fieldError(path, vi, en, language));
  for (const key of Object.keys(raw)) {
    if (!['move', 'ids', 'versions', 'comment'].includes(key)) {
      fail([key], 'Trường không được hỗ trợ.', 'Unsupported field.');
    }
  }

  const move = raw.move;
  const moves = Object.keys(BULK_MOVES);
  if (typeof move !== 'string' || !moves.includes(move)) {
    fail(
      ['move'],
      `Thao tác phải là một trong: ${moves.join(', ')}.`,
      `Move must be one of: ${moves.join(', ')}.`
    );
  }

  const ids: string[] = [];
  if (!Array.isArray(raw.ids) || raw.ids.length < 1 || raw.ids.length > MAX_BULK_ITEMS) {
    fail(['ids'], `Chọn từ 1 đến ${MAX_BULK_ITEMS} tin bài.`, `Choose 1 to ${MAX_BULK_ITEMS} submissions.`);
  } else {
    raw.ids.forEach((id: unknown, i) => {
      if (typeof id !== 'string' || !DOCUMENT_ID.test(id)) {
        fail(['ids', String(i)], 'Mã tin bài không hợp lệ.', 'Invalid submission id.');
      } else if (ids.includes(id)) {
        fail(['ids', String(i)], 'Tin bài được chọn hai lần.', 'The submission is listed twice.');
      } else ids.push(id);
    });
  }

  const versions: Record<string, number> = {};
  if (raw.versions !== undefined) {
    if (!isPlainObject(raw.versions)) {
      fail(
        ['versions'],
        'Phiên bản phải là đối tượng { mã tin bài: số phiên bản }.',
        'Versions must be an object { submission id: version }.'
      );
    } else {
      for (const [id, version] of Object.entries(raw.versions)) {
        if (!ids.includes(id)) {
          fail(
            ['versions', id],
            'Tin bài này không có trong danh sách.',
            'This submission is not in the list.'
          );
        } else if (!Number.isInteger(version) || (version as number) < 0) {
          fail(['versions', id], 'Số phiên bản không hợp lệ.', 'Invalid version.');
        } else versions[id] = version as number;
      }
    }
  }

  let comment: string | null = null;
  if (raw.comment !== undefined && raw.comment !== null) {
    if (move !== 'approve') {
      fail(['comment'], 'Chỉ thao tác duyệt kèm ý kiến.', 'Only an approval takes a comment.');
    } else if (typeof raw.comment !== 'string' || raw.comment.length > MAX_COMMENT_LENGTH) {
      fail(['comment'], 'Ý kiến tối đa 5.000 ký tự.', 'A comment is at most 5,000 characters.');
    } else comment = raw.comment.normalize('NFC').trim() || null;
  }

  if (errors.length > 0) return { ok: false, errors };
  return { ok: true, value: { move: move as BulkMove, ids, versions, comment } };
}
