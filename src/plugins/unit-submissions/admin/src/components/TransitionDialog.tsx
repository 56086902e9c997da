import * as React from 'react';
import {
  Button,
  Field,
  Flex,
  Modal,
  SingleSelect,
  SingleSelectOption,
  Textarea,
  Typography,
} from '@strapi/design-system';
import type { AllowedTransition, Person } from '../api';
import { msg, tm, useT } from '../i18n';
import { personName, type SubmissionState } from '../labels';
import { useTestIdRef } from './testId';

export interface TransitionInput {
  comment?: string;
  assignee?: number;
}

interface TransitionDialogProps {
  transition: AllowedTransition | null;
  /** The state the move starts from (withdrawing a draft is discarding it). */
  from: SubmissionState;
  /** The button's label: also the dialog's title. */
  title: string;
  reviewers: (Person & { id: number })[];
  /** Preselected assignee (the current user, when a reviewer). */
  defaultAssignee?: number | null;
  onClose: () => void;
  /** Resolves to field errors to show, or null when done. */
  onConfirm: (input: TransitionInput) => Promise<Record<string, string> | null>;
}

const COMMENT_LABELS: Partial<Record<SubmissionState, ReturnType<typeof msg>>> = {
  changes_requested: msg('dialog.comment.changes_requested', 'Nội dung cần chỉnh sửa'),
  rejected: msg('dialog.comment.rejected', 'Lý do từ chối'),
};

const DESCRIPTIONS: Partial<Record<SubmissionState, ReturnType<typeof msg>>> = {
  submitted: msg(
    'dialog.description.submitted',
    'Tin bài được gửi tới Trung tâm CNTT. Đơn vị không sửa được nữa, trừ khi Trung tâm CNTT yêu cầu chỉnh sửa.'
  ),
  approved: msg(
    'dialog.description.approved',
    'Không hoàn tác được: tin bài được duyệt và một bài viết nháp được tạo để Trung tâm CNTT xuất bản.'
  ),
  withdrawn: msg(
    'dialog.description.withdrawn',
    'Không hoàn tác được: tin bài kết thúc ở trạng thái đã rút lại và không được xử lý tiếp.'
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

const DISCARD_DESCRIPTION = msg(
  'dialog.description.discard',
  'Không hoàn tác được: bản nháp chưa từng được gửi và sẽ kết thúc ở trạng thái đã rút lại.'
);

/**
 * Confirms a move and asks for what it needs: a comment (changes requested, rejected) and/or an assignee (taken
 * in review). Every move goes through it, so that none happens on a stray click.
 */
export const TransitionDialog = ({
  transition,
  from,
  title,
  reviewers,
  defaultAssignee,
  onClose,
  onConfirm,
}: TransitionDialogProps) => {
  const t = useT();
  const assigneeRef = useTestIdRef('transition-assignee');
  const [comment, setComment] = React.useState('');
  const [assignee, setAssignee] = React.useState<number | null>(null);
  const [errors, setErrors] = React.useState<Record<string, string>>({});
  const [busy, setBusy] = React.useState(false);

  React.useEffect(() => {
    if (!transition) return;
    setComment('');
    setErrors({});
    setAssignee(
      defaultAssignee && reviewers.some((reviewer) => reviewer.id === defaultAssignee)
        ? defaultAssignee
        : null
    );
  }, [transition, defaultAssignee, reviewers]);

  const commentLabel = transition
    ? tm(t, COMMENT_LABELS[transition.to] ?? msg('dialog.comment', 'Ghi chú'))
    : '';
  const description =
    transition?.to === 'withdrawn' && from === 'draft'
      ? DISCARD_DESCRIPTION
      : transition
        ? DESCRIPTIONS[transition.to]
        : undefined;

  const confirm = async (event: React.FormEvent) => {
    event.preventDefault();
    if (!transition || busy) return;
    const problems: Record<string, string> = {};
    if (transition.needsComment && !comment.trim())
      problems.comment = t('dialog.comment.required', 'Vui lòng nhập nội dung.');
    if (transition.needsAssignee && !assignee)
      problems.assignee = t('dialog.assignee.required', 'Vui lòng chọn người phụ trách.');
    setErrors(problems);
    if (Object.keys(problems).length) return;
    setBusy(true);
    try {
      const result = await onConfirm({
        ...(comment.trim() ? { comment: comment.trim() } : {}),
        ...(transition.needsAssignee && assignee ? { assignee } : {}),
      });
      if (result) setErrors(result);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal.Root open={transition !== null} onOpenChange={(open) => !open && !busy && onClose()}>
      <Modal.Content>
        <form onSubmit={confirm} noValidate>
          <Modal.Header closeLabel={t('dialog.close', 'Đóng')}>
            <Modal.Title>{title}</Modal.Title>
          </Modal.Header>
          <Modal.Body>
            <Flex direction="column" alignItems="stretch" gap={5}>
              {description && <Typography textColor="neutral700">{tm(t, description)}</Typography>}
              {transition?.needsAssignee && (
                <Field.Root name="assignee" error={errors.assignee} required>
                  <Field.Label>{t('dialog.assignee', 'Người phụ trách biên tập')}</Field.Label>
                  <SingleSelect
                    ref={assigneeRef}
                    value={assignee === null ? null : String(assignee)}
                    placeholder={t('dialog.assignee.placeholder', 'Chọn biên tập viên')}
                    onChange={(value) => {
                      setAssignee(Number(value) || null);
                      setErrors(({ assignee: _dropped, ...rest }) => rest);
                    }}
                  >
                    {reviewers.map((reviewer) => (
                      <SingleSelectOption key={reviewer.id} value={String(reviewer.id)}>
                        {personName(reviewer)}
                      </SingleSelectOption>
                    ))}
                  </SingleSelect>
                  <Field.Error />
                </Field.Root>
              )}
              {transition && (
                <Field.Root name="comment" error={errors.comment} required={transition.needsComment}>
                  <Field.Label>{commentLabel}</Field.Label>
                  <Textarea
                    data-testid="transition-comment"
                    value={comment}
                    maxLength={5000}
                    onChange={(event: React.ChangeEvent<HTMLTextAreaElement>) => {
                      setComment(event.target.value);
                      setErrors(({ comment: _dropped, ...rest }) => rest);
                    }}
                  />
                  <Field.Error />
                </Field.Root>
              )}
              {errors.to && (
                <Typography role="alert" textColor="danger600">
                  {errors.to}
                </Typography>
              )}
            </Flex>
          </Modal.Body>
          <Modal.Footer>
            <Button type="button" variant="tertiary" onClick={onClose} disabled={busy}>
              {t('form.cancel', 'Hủy')}
            </Button>
            <Button
              type="submit"
              loading={busy}
              variant={transition?.to === 'rejected' || transition?.to === 'withdrawn' ? 'danger' : 'default'}
              data-testid="transition-confirm"
            >
              {t('dialog.confirm', 'Xác nhận')}
            </Button>
          </Modal.Footer>
        </form>
      </Modal.Content>
    </Modal.Root>
  );
};
