import * as React from 'react';
import { Button, Flex, Link } from '@strapi/design-system';
import { Bell, Plus } from '@strapi/icons';
import { NavLink, useParams, useSearchParams } from 'react-router-dom';
import { DetailShell, type DetailState } from '#admin/shared/kit';
import { PLUGIN_PATH, useApi, type UnitRef } from '../api';
import { DifficultyList } from '../components/DifficultyList';
import { PagedSection, usePaged } from '../components/PagedSection';
import { CheckDialog, CheckList } from '../components/Checks';
import { useOptions } from '../components/OptionsContext';
import { ReminderDialog, type ReminderTarget } from '../components/ReminderDialog';
import { ReminderList } from '../components/ReminderList';
import { UnitDrill } from '../components/unit/UnitDrill';
import { useT } from '../i18n';

/** One unit's drill-down: its tasks, submissions, articles and feedback, reminders, checks and difficulties. */
export const UnitPage = () => {
  const { unitId = '' } = useParams<{ unitId: string }>();
  const t = useT();
  const api = useApi();
  const options = useOptions();
  const [params] = useSearchParams();
  const year = Number(params.get('year')) || undefined;
  const canManage = options.access.canManage;
  const [reminding, setReminding] = React.useState<{ focus?: ReminderTarget[] } | null>(null);
  const [inspecting, setInspecting] = React.useState(false);

  const reminders = usePaged((page) => api.listReminders({ unit: unitId, page, pageSize: 5 }), unitId);
  const checks = usePaged((page) => api.listChecks({ unit: unitId, page, pageSize: 5 }), unitId);
  const difficulties = usePaged((page) => api.listDifficulties({ unit: unitId, page, pageSize: 5 }), unitId);

  const known = options.units.find((unit) => String(unit.id) === unitId);
  const unit = React.useMemo<UnitRef | null>(
    () => (known ? { id: known.id, code: known.code, name: known.name } : null),
    [known]
  );
  // The units this user may see come with the plugin's options: another one is not found.
  const state: DetailState<UnitRef> = {
    data: unit,
    loading: false,
    problem: unit ? null : { status: 404, name: 'NotFoundError', message: '', fields: {}, aborted: false },
    reload: () => undefined,
  };

  return (
    <DetailShell
      state={state}
      backTo={`${PLUGIN_PATH}${year ? `?year=${year}` : ''}`}
      title={(data) => data.name}
      subtitle={() =>
        year ? t('unit.subtitle', 'Theo dõi thực hiện kế hoạch năm {year}', { year }) : undefined
      }
      notFound={t('unit.notFound', 'Không tìm thấy đơn vị này, hoặc bạn không theo dõi đơn vị này.')}
      testId="unit-page"
      actions={() =>
        canManage ? (
          <Flex gap={2} wrap="wrap">
            <Button
              variant="secondary"
              startIcon={<Plus />}
              onClick={() => setInspecting(true)}
              data-testid="check-new"
            >
              {t('check.record', 'Ghi nhận kiểm tra')}
            </Button>
            <Button startIcon={<Bell />} onClick={() => setReminding({})} data-testid="reminder-new">
              {t('reminder.send', 'Gửi đôn đốc')}
            </Button>
          </Flex>
        ) : undefined
      }
    >
      {(data) => (
        <Flex direction="column" alignItems="stretch" gap={6}>
          <UnitDrill
            unitId={unitId}
            year={year}
            onRemind={canManage ? (target) => setReminding({ focus: [target] }) : undefined}
          />
          <PagedSection title={t('unit.reminders', 'Đôn đốc')} testId="unit-reminders" paged={reminders}>
            {(results) => <ReminderList reminders={results} />}
          </PagedSection>
          <PagedSection
            title={t('unit.difficulties', 'Khó khăn, vướng mắc')}
            testId="unit-difficulties"
            action={
              <Link tag={NavLink} to={`${PLUGIN_PATH}/difficulties?unit=${unitId}`}>
                {t('unit.allDifficulties', 'Xem tất cả')}
              </Link>
            }
            paged={difficulties}
          >
            {(results) => (
              <DifficultyList
                difficulties={results}
                actions
                showUnit={false}
                onChanged={difficulties.reload}
              />
            )}
          </PagedSection>
          <PagedSection title={t('unit.checks', 'Kiểm tra')} testId="unit-checks" paged={checks}>
            {(results) => <CheckList checks={results} />}
          </PagedSection>
          <ReminderDialog
            unit={reminding ? data : null}
            focus={reminding?.focus}
            onClose={() => setReminding(null)}
            onSent={() => {
              setReminding(null);
              reminders.setPage(1);
              reminders.reload();
            }}
          />
          <CheckDialog
            open={inspecting}
            unit={data}
            units={options.units}
            onClose={() => setInspecting(false)}
            onDone={() => {
              setInspecting(false);
              checks.setPage(1);
              checks.reload();
            }}
          />
        </Flex>
      )}
    </DetailShell>
  );
};
