import * as React from 'react';
import { Box, Button, Flex, Typography } from '@strapi/design-system';
import { useDates } from '#admin/shared/common';
import type { Comment } from '../api';
import { useT } from '../i18n';
import { TextField } from '#admin/shared/kit';

interface CommentThreadProps {
  comments: Comment[];
  canComment: boolean;
  /** Resolves to an error message for the field, or null when sent. */
  onSend: (body: string) => Promise<string | null>;
}

/** The conversation between the unit and the IT Center about one submission, oldest first. */
export const CommentThread = ({ comments, canComment, onSend }: CommentThreadProps) => {
  const t = useT();
  const dates = useDates();
  const [body, setBody] = React.useState('');
  const [error, setError] = React.useState<string | undefined>();
  const [sending, setSending] = React.useState(false);

  const send = async (event: React.FormEvent) => {
    event.preventDefault();
    if (sending) return;
    if (!body.trim()) {
      setError(t('comments.required', 'Vui lòng nhập nội dung trao đổi.'));
      return;
    }
    setSending(true);
    try {
      const problem = await onSend(body.trim());
      if (problem) setError(problem);
      else setBody('');
    } finally {
      setSending(false);
    }
  };

  return (
    <Flex direction="column" alignItems="stretch" gap={4}>
      {comments.length === 0 ? (
        <Typography textColor="neutral600">{t('comments.empty', 'Chưa có trao đổi nào.')}</Typography>
      ) : (
        <Flex tag="ol" direction="column" alignItems="stretch" gap={3} data-testid="comment-list">
          {comments.map((comment) => (
            <Box key={comment.id} tag="li" padding={3} background="neutral100" hasRadius>
              <Flex gap={2} wrap="wrap">
                <Typography fontWeight="bold">{comment.authorName}</Typography>
                <Typography variant="pi" textColor="neutral600">
                  <time dateTime={comment.createdAt}>{dates.instant(comment.createdAt)}</time>
                </Typography>
              </Flex>
              <Box paddingTop={1}>
                <Typography tag="p" style={{ whiteSpace: 'pre-wrap' }}>
                  {comment.body}
                </Typography>
              </Box>
            </Box>
          ))}
        </Flex>
      )}
      {canComment && (
        <form onSubmit={send} noValidate>
          <Flex direction="column" alignItems="stretch" gap={2}>
            <TextField
              name="comment"
              error={error}
              label={t('comments.label', 'Nội dung trao đổi')}
              testId="comment-input"
              value={body}
              maxLength={5000}
              onChange={(value) => {
                setBody(value);
                setError(undefined);
              }}
              multiline
            />
            <Flex justifyContent="flex-end">
              <Button type="submit" variant="secondary" loading={sending} data-testid="comment-send">
                {t('comments.send', 'Gửi trao đổi')}
              </Button>
            </Flex>
          </Flex>
        </form>
      )}
    </Flex>
  );
};
