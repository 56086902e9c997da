import * as React from 'react';
import { Box, Button, Flex, Typography, VisuallyHidden } from '@strapi/design-system';
import { Upload } from '@strapi/icons';
import { useProblemOf } from '#admin/shared/common';
import { Section } from '#admin/shared/Section';
import { useApi, type ImportView } from '../api';
import { useT } from '../i18n';

const ACCEPT = [
  '.xlsx',
  '.docx',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
].join(',');

/**
 * One file up, read and compared with the catalogue on the server (nothing changes yet): the preview opens, or the
 * file's refusal shows here in the UI's language.
 */
export const UploadPanel = ({ onPreviewed }: { onPreviewed: (view: ImportView) => void }) => {
  const t = useT();
  const api = useApi();
  const readProblem = useProblemOf();
  const input = React.useRef<HTMLInputElement>(null);
  const hintId = React.useId();
  const [uploading, setUploading] = React.useState<string | null>(null);
  const [refusal, setRefusal] = React.useState<string | null>(null);

  const upload = async (event: React.ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    if (input.current) input.current.value = '';
    if (!file) return;
    setRefusal(null);
    setUploading(file.name);
    try {
      onPreviewed(await api.upload(file));
    } catch (error) {
      const problem = readProblem(error);
      if (problem) setRefusal(problem.fields.file ?? Object.values(problem.fields)[0] ?? problem.message);
    } finally {
      setUploading(null);
    }
  };

  return (
    <Section title={t('upload.title', 'Tải tệp lên để xem trước')} testId="upload">
      <Typography id={hintId} tag="p" textColor="neutral700">
        {t(
          'upload.hint',
          'Danh sách thủ tục (.xlsx) hoặc tệp một thủ tục (.docx) tải từ Cơ sở dữ liệu quốc gia về thủ tục hành chính, hoặc tệp danh mục tải về từ trang này. Tệp được so sánh với danh mục của Sở; chưa thủ tục nào thay đổi cho đến khi bạn bấm "Áp dụng".'
        )}
      </Typography>
      {/* The native input stays in the DOM (browser tests fill it); the button opens it in the UI's language. */}
      <VisuallyHidden>
        <input
          ref={input}
          type="file"
          accept={ACCEPT}
          tabIndex={-1}
          data-testid="upload-input"
          onChange={upload}
        />
      </VisuallyHidden>
      <Flex gap={3} wrap="wrap">
        <Button
          startIcon={<Upload />}
          loading={uploading !== null}
          aria-describedby={hintId}
          onClick={() => input.current?.click()}
          data-testid="upload-choose"
        >
          {t('upload.choose', 'Chọn tệp…')}
        </Button>
        {uploading && (
          <Typography variant="pi" textColor="neutral600" data-testid="upload-busy">
            {t('upload.busy', 'Đang đọc {file} và so sánh với danh mục…', { file: uploading })}
          </Typography>
        )}
      </Flex>
      {refusal && (
        <Box role="alert" padding={4} background="danger100" hasRadius data-testid="upload-refusal">
          <Typography tag="p" fontWeight="bold" textColor="danger700">
            {t('upload.refused', 'Không nhập được tệp này')}
          </Typography>
          <Typography tag="p" textColor="danger700">
            {refusal}
          </Typography>
        </Box>
      )}
    </Section>
  );
};
