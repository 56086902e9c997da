import * as React from 'react';
import { Flex, Loader } from '@strapi/design-system';
import { Page } from '@strapi/strapi/admin';
import { useApi } from '../api';
import { useLoader } from '#admin/shared/common';
import { Pager, PageShell } from '#admin/shared/kit';
import { DifficultyList } from '../components/DifficultyList';
import { Nav } from '../components/Nav';
import { useT } from '../i18n';
import { Section } from '#admin/shared/Section';

/** The Director's page: difficulties the Office escalated, waiting for an answer, and those answered. */
export const EscalationsPage = () => {
  const t = useT();
  const api = useApi();
  const [waitingPage, setWaitingPage] = React.useState(1);
  const [answeredPage, setAnsweredPage] = React.useState(1);
  const waiting = useLoader(
    () => api.listDifficulties({ state: 'escalated', page: waitingPage, pageSize: 10 }),
    [api, waitingPage]
  );
  const answered = useLoader(
    () => api.listDifficulties({ state: 'answered', page: answeredPage, pageSize: 10 }),
    [api, answeredPage]
  );

  const title = t('escalations.title', 'Khó khăn, vướng mắc xin ý kiến Giám đốc');
  if (!waiting.data && waiting.failed) return <Page.Error />;

  const reload = () => {
    waiting.reload();
    answered.reload();
  };

  return (
    <PageShell
      title={title}
      subtitle={t(
        'escalations.subtitle',
        'Văn phòng Sở báo cáo những khó khăn, vướng mắc vượt thẩm quyền; Giám đốc Sở cho ý kiến chỉ đạo.'
      )}
      nav={<Nav />}
    >
      <Flex direction="column" alignItems="stretch" gap={6}>
        <Section
          title={t('escalations.waiting', 'Chờ ý kiến chỉ đạo ({total})', {
            total: waiting.data?.pagination.total ?? 0,
          })}
          testId="escalations-waiting"
        >
          {waiting.data ? (
            <>
              <DifficultyList
                difficulties={waiting.data.results}
                actions
                onChanged={reload}
                emptyText={t('escalations.none', 'Không có khó khăn, vướng mắc nào chờ ý kiến chỉ đạo.')}
              />
              <Pager pagination={waiting.data.pagination} onPage={setWaitingPage} />
            </>
          ) : (
            <Loader small>{t('loading', 'Đang tải…')}</Loader>
          )}
        </Section>
        <Section title={t('escalations.answered', 'Đã có ý kiến chỉ đạo')} testId="escalations-answered">
          {answered.data ? (
            <>
              <DifficultyList difficulties={answered.data.results} />
              <Pager pagination={answered.data.pagination} onPage={setAnsweredPage} />
            </>
          ) : (
            <Loader small>{t('loading', 'Đang tải…')}</Loader>
          )}
        </Section>
      </Flex>
    </PageShell>
  );
};
