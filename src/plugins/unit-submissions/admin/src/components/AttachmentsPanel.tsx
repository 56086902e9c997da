import * as React from 'react';
import {
  Badge,
  Box,
  Button,
  Flex,
  IconButton,
  ProgressBar,
  TextButton,
  Typography,
  VisuallyHidden,
} from '@strapi/design-system';
import { Paperclip, Trash } from '@strapi/icons';
import { useNotification } from '@strapi/strapi/admin';
import { useIntl } from 'react-intl';
import { problemOf, saveFile, useApi, type Attachment, type Options } from '../api';
import { useT } from '../i18n';

interface AttachmentsPanelProps {
  documentId: string;
  attachments: Attachment[];
  limits: Options['attachmentLimits'];
  /** The unit may add and remove files (a draft, or sent back for changes). */
  canEdit: boolean;
  onChange: (attachments: Attachment[]) => void;
}

const MB = 1024 * 1024;

/** The submission's private attachments: downloads for every reader; upload and removal while the unit edits. */
export const AttachmentsPanel = ({
  documentId,
  attachments,
  limits,
  canEdit,
  onChange,
}: AttachmentsPanelProps) => {
  const t = useT();
  const api = useApi();
  const { locale, formatNumber } = useIntl();
  const { toggleNotification } = useNotification();
  const input = React.useRef<HTMLInputElement>(null);
  const hintId = React.useId();
  const [progress, setProgress] = React.useState<number | null>(null);
  const [busy, setBusy] = React.useState<string | null>(null);
  const [errors, setErrors] = React.useState<string[]>([]);

  const size = (bytes: number) =>
    bytes >= MB
      ? `${formatNumber(bytes / MB, { maximumFractionDigits: 1 })} MB`
      : `${formatNumber(Math.max(1, Math.round(bytes / 1024)))} KB`;
  const nameOf = (file: Attachment) => file.originalName ?? t('attachments.unnamed', 'Tệp không tên');

  const upload = async (event: React.ChangeEvent<HTMLInputElement>) => {
    const files = Array.from(event.target.files ?? []);
    if (input.current) input.current.value = '';
    if (!files.length) return;
    setErrors([]);
    setProgress(0);
    try {
      onChange(await api.uploadAttachments(documentId, files, setProgress));
      toggleNotification({ type: 'success', message: t('attachments.uploaded', 'Đã tải tệp lên.') });
    } catch (error) {
      const problem = problemOf(error, locale);
      // Per-file problems name the file (files.<index>); the others stand alone.
      const messages = Object.entries(problem.fields).map(([path, message]) => {
        const index = /^files\.(\d+)$/.exec(path)?.[1];
        return index !== undefined && files[Number(index)]
          ? `${files[Number(index)].name}: ${message}`
          : message;
      });
      setErrors(messages.length ? messages : [problem.message]);
    } finally {
      setProgress(null);
    }
  };

  const download = async (file: Attachment) => {
    setBusy(file.documentId);
    try {
      saveFile(await api.downloadAttachment(documentId, file.documentId), nameOf(file));
    } catch (error) {
      const problem = problemOf(error, locale);
      if (!problem.aborted) toggleNotification({ type: 'danger', message: problem.message });
    } finally {
      setBusy(null);
    }
  };

  const remove = async (file: Attachment) => {
    setBusy(file.documentId);
    try {
      onChange(await api.deleteAttachment(documentId, file.documentId));
      toggleNotification({
        type: 'success',
        message: t('attachments.removed', 'Đã gỡ tệp {name}.', { name: nameOf(file) }),
      });
    } catch (error) {
      const problem = problemOf(error, locale);
      if (!problem.aborted) {
        toggleNotification({ type: 'danger', message: Object.values(problem.fields)[0] ?? problem.message });
      }
    } finally {
      setBusy(null);
    }
  };

  const full = attachments.length >= limits.maxFiles;

  return (
    <Flex direction="column" alignItems="stretch" gap={3} data-testid="submission-attachments">
      {attachments.length === 0 ? (
        <Typography textColor="neutral600">{t('detail.noAttachments', 'Không có tệp đính kèm.')}</Typography>
      ) : (
        <Box tag="ul" data-testid="attachment-list">
          {attachments.map((file) => (
            <Flex key={file.documentId} tag="li" gap={2} paddingTop={1} data-testid="attachment-item">
              <Paperclip aria-hidden />
              <TextButton
                onClick={() => download(file)}
                disabled={busy === file.documentId}
                aria-label={t('attachments.download', 'Tải về {name}', { name: nameOf(file) })}
              >
                {nameOf(file)}
              </TextButton>
              <Typography variant="pi" textColor="neutral600">
                {size(file.size)}
              </Typography>
              {file.mediaFileId !== null && (
                <Badge>{t('attachments.inLibrary', 'Đã vào thư viện media cùng bài viết')}</Badge>
              )}
              {canEdit && (
                <IconButton
                  variant="ghost"
                  size="S"
                  disabled={busy === file.documentId || progress !== null}
                  label={t('form.attachments.remove', 'Gỡ tệp {name}', { name: nameOf(file) })}
                  onClick={() => remove(file)}
                >
                  <Trash />
                </IconButton>
              )}
            </Flex>
          ))}
        </Box>
      )}

      {errors.length > 0 && (
        <Box role="alert" padding={3} background="danger100" hasRadius data-testid="attachment-errors">
          {errors.map((message) => (
            <Typography key={message} tag="p" textColor="danger700">
              {message}
            </Typography>
          ))}
        </Box>
      )}

      {progress !== null && (
        <Flex gap={2} data-testid="attachment-progress">
          <ProgressBar
            value={progress}
            aria-label={t('attachments.progress', 'Tiến độ tải lên')}
            style={{ flex: 1 }}
          />
          <Typography variant="pi" textColor="neutral600">
            {progress}%
          </Typography>
        </Flex>
      )}

      {canEdit && (
        <Box>
          {/* The native input stays in the DOM (browser tests fill it); the button opens it in the UI's language. */}
          <VisuallyHidden>
            <input
              ref={input}
              type="file"
              multiple
              accept={limits.acceptedTypes.map((type) => type.extension).join(',')}
              tabIndex={-1}
              data-testid="field-attachments"
              onChange={upload}
            />
          </VisuallyHidden>
          <Button
            type="button"
            variant="secondary"
            startIcon={<Paperclip />}
            loading={progress !== null}
            disabled={full}
            aria-describedby={hintId}
            onClick={() => input.current?.click()}
          >
            {t('form.attachments.choose', 'Chọn tệp đính kèm…')}
          </Button>
          <Box paddingTop={1}>
            <Typography id={hintId} tag="p" variant="pi" textColor="neutral600">
              {t(
                'form.attachments.hint',
                'PDF, Word (.docx), Excel (.xlsx), ảnh JPEG hoặc PNG; tối đa {maxFiles} tệp, mỗi tệp {maxMb} MB. Tệp được lưu riêng, chỉ vào thư viện media khi bài viết được xuất bản.',
                { maxFiles: limits.maxFiles, maxMb: Math.floor(limits.maxFileBytes / MB) }
              )}
            </Typography>
          </Box>
        </Box>
      )}
    </Flex>
  );
};
