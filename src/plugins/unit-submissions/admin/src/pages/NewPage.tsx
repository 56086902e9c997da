import * as React from 'react';
import { Box } from '@strapi/design-system';
import { Page, useNotification } from '@strapi/strapi/admin';
import { useNavigate } from 'react-router-dom';
import { PLUGIN_ID } from '#unit-submissions/permissions';
import { useApi, type SubmissionData } from '../api';
import { useOptions } from '../components/OptionsContext';
import { emptyValues, SubmissionForm, useSaveFailure, type SaveResult } from '../components/SubmissionForm';
import { useT } from '../i18n';
import { PageShell } from '#admin/shared/kit';

/** A new submission, saved as a draft of one of the user's units. */
export const NewPage = () => {
  const t = useT();
  const api = useApi();
  const options = useOptions();
  const navigate = useNavigate();
  const { toggleNotification } = useNotification();
  const failed = useSaveFailure();
  const initialValues = React.useMemo(() => emptyValues(options.units), [options.units]);

  if (!options.access.canSubmit) return <Page.NoPermissions />;

  const create = async (data: SubmissionData): Promise<SaveResult> => {
    try {
      const created = await api.createSubmission(data);
      toggleNotification({ type: 'success', message: t('new.saved', 'Đã lưu nháp tin bài.') });
      navigate(`/plugins/${PLUGIN_ID}/submissions/${created.documentId}`);
      return null;
    } catch (error) {
      return failed(error);
    }
  };

  const title = t('new.title', 'Tạo tin bài');

  return (
    <PageShell
      backTo={`/plugins/${PLUGIN_ID}`}
      title={title}
      subtitle={t(
        'new.subtitle',
        'Tin bài được lưu ở trạng thái đang soạn; sau khi lưu, đính kèm tệp và gửi Trung tâm CNTT từ trang chi tiết.'
      )}
    >
      <Box background="neutral0" hasRadius shadow="tableShadow" padding={7}>
        <SubmissionForm
          initialValues={initialValues}
          units={options.units}
          planTasks={options.planTasks}
          submitLabel={t('new.save', 'Lưu nháp')}
          onSubmit={create}
          onCancel={() => navigate(`/plugins/${PLUGIN_ID}`)}
        />
      </Box>
    </PageShell>
  );
};
