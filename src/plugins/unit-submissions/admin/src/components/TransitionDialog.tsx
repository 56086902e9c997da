import * as React from 'react';
import { SingleSelect, SingleSelectOption, Typography } from '@strapi/design-system';
import { FormDialog, type FormDialogProps, FormField, TextField } from '#admin/shared/kit';
import type { AllowedTransition, Person } from '../api';
import { msg, tm, useT, type Message } from '../i18n';
import { moveOf, personName, TRANSITION_LABELS, type Move } from '../labels';
import { useTestIdRef } from '#admin/shared/testId';

export interface TransitionInput {
  comment?: string;
  assignee?: number;
}

interface TransitionDialogProps {
  transition: AllowedTransition | null;
  /** The state the move starts from (withdrawing a draft is discarding it; from changes requested, resubmitting). */
  from: Parameters<typeof moveOf>[0];
  reviewers: (Person & { id: number })[];
  /** Preselected assignee (the current user, when a reviewer). */
  defaultAssignee?: number | null;
  onClose: () => void;
  /** Makes the move; a rejection shows the server's errors in the dialog (FormDialog). */
  onConfirm: (input: TransitionInput) => Promise<void>;
  /** A failure the page handles itself (a 409 → reload). */
  onProblem: FormDialogProps['onProblem'];
}

const COMMENT_LABELS: Partial<Record<Move, Message>> = {
  changes_requested: msg('dialog.comment.changes_requested', 'Nội dung cần chỉnh sửa'),
  rejected: msg('dialog.comment.rejected', 'Lý do từ chối'),
};

const DESCRIPTIONS: Partial<Record<Move, Message>> = {
  submitted: msg(
    'dialog.description.submitted',
    'Tin bài được gửi tới Trung tâm CNTT. Đơn vị không sửa được nữa, trừ khi Trung tâm CNTT yêu cầu chỉnh sửa.'
  ),
  resubmit: msg(
    'dialog.description.resubmit',
    'Tin bài quay về biên tập viên đã yêu cầu chỉnh sửa, người này nhận thư thông báo. Đơn vị không sửa được nữa, trừ khi được yêu cầu chỉnh sửa lần nữa.'
  ),
  approved: msg(
    'dialog.description.approved',
    'Không hoàn tác được: tin bài được duyệt và một bài viết nháp được tạo để Trung tâm CNTT xuất bản.'
  ),
  withdrawn: msg(
    'dialog.description.withdrawn',
    'Không hoàn tác được: tin bài kết thúc ở trạng thái đã rút lại và không được xử lý tiếp.'
  ),
  discard: msg(
    'dialog.description.discard',
    'Không hoàn tác được: bản nháp chưa từng được gửi và sẽ kết thúc ở trạng thái đã rút lại.'
  ),
  in_review: msg(
    'dialog.description.in_review',
    'Chọn biên tập viên Trung tâm CNTT phụ trách tin bài. Người được phân công sẽ nhận thư thông báo.'
  ),
  changes_requested: msg(
    'dialog.description.changes_requested',
    'Đơn vị sẽ nhận thư thông báo kèm nội dung yêu cầu và có thể chỉnh sửa rồi gửi lại.'
  ),
  rejected: msg(
    'dialog.description.rejected',
    'Tin bài sẽ kết thúc ở trạng thái bị từ chối; đơn vị sẽ nhận thư thông báo kèm lý do.'
  ),
};

/** Moves that cannot be taken back: they ask "Bạn có chắc chắn?" before anything is sent. */
const IRREVERSIBLE: readonly Move[] = ['submitted', 'resubmit', 'approved', 'withdrawn', 'discard'];

/**
 * A move of the workflow, in a FormDialog: what it does, what it needs (a comment for changes requested and
 * rejected, an assignee to take a review, an optional note otherwise), and for irreversible moves a confirmation.
 */
export const TransitionDialog = ({
  transition,
  from,
  reviewers,
  defaultAssignee,
  onClose,
  onConfirm,
  onProblem,
}: TransitionDialogProps) => {
  const t = useT();
  const assigneeRef = useTestIdRef('transition-assignee');
  const [comment, setComment] = React.useState('');
  const [assignee, setAssignee] = React.useState<number | null>(null);

  React.useEffect(() => {
    if (!transition) return;
    // eslint-disable-next-line react-hooks/set-state-in-effect -- syncs state from its input; moving it changes render timing
    setComment('');
    setAssignee(
      defaultAssignee && reviewers.some((reviewer) => reviewer.id === defaultAssignee)
        ? defaultAssignee
        : null
    );
  }, [transition, defaultAssignee, reviewers]);

  const move = transition ? moveOf(from, transition.to) : null;
  const description = move ? DESCRIPTIONS[move] : undefined;
  const label = move ? tm(t, TRANSITION_LABELS[move]) : '';

  return (
    <FormDialog
      open={transition !== null}
      title={label}
      onClose={onClose}
      validate={() => ({
        ...(transition?.needsComment && !comment.trim()
          ? { comment: t('dialog.comment.required', 'Vui lòng nhập nội dung.') }
          : {}),
        ...(transition?.needsAssignee && !assignee
          ? { assignee: t('dialog.assignee.required', 'Vui lòng chọn người phụ trách.') }
          : {}),
      })}
      onSubmit={() =>
        onConfirm({
          ...(comment.trim() ? { comment: comment.trim() } : {}),
          ...(transition?.needsAssignee && assignee ? { assignee } : {}),
        })
      }
      onProblem={onProblem}
      submitLabel={label}
      submitVariant={
        move === 'rejected' || move === 'withdrawn' || move === 'discard'
          ? 'danger'
          : move === 'approved'
            ? 'success'
            : 'default'
      }
      confirm={
        move && IRREVERSIBLE.includes(move) && description ? { message: tm(t, description) } : undefined
      }
      fields={['comment', 'assignee']}
      testId="transition-dialog"
    >
      {({ errors, clearError }) => (
        <>
          {description && <Typography textColor="neutral700">{tm(t, description)}</Typography>}
          {transition?.needsAssignee && (
            <FormField
              name="assignee"
              error={errors.assignee}
              required
              label={t('dialog.assignee', 'Người phụ trách biên tập')}
            >
              <SingleSelect
                ref={assigneeRef}
                value={assignee === null ? null : String(assignee)}
                placeholder={t('dialog.assignee.placeholder', 'Chọn biên tập viên')}
                onChange={(value) => {
                  setAssignee(Number(value) || null);
                  clearError('assignee');
                }}
              >
                {reviewers.map((reviewer) => (
                  <SingleSelectOption key={reviewer.id} value={String(reviewer.id)}>
                    {personName(reviewer)}
                  </SingleSelectOption>
                ))}
              </SingleSelect>
            </FormField>
          )}
          {transition && (
            <TextField
              name="comment"
              error={errors.comment}
              required={transition.needsComment}
              label={tm(t, (move && COMMENT_LABELS[move]) ?? msg('dialog.comment', 'Ghi chú'))}
              testId="transition-comment"
              value={comment}
              maxLength={5000}
              onChange={(value) => {
                setComment(value);
                clearError('comment');
              }}
              multiline
            />
          )}
        </>
      )}
    </FormDialog>
  );
};
