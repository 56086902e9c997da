import { useApi } from '../api';
import { CheckDialog, CheckList } from '../components/Checks';
import { unitFilter } from '../components/filters';
import { useOptions } from '../components/OptionsContext';
import { RecordsPage } from '../components/RecordsPage';
import { useT } from '../i18n';

/** Checks of the units (kiểm tra): the Office records them; the Director and the IT Center read them. */
export const ChecksPage = () => {
  const t = useT();
  const api = useApi();
  const options = useOptions();
  return (
    <RecordsPage
      title={t('checks.title', 'Kiểm tra việc thực hiện kế hoạch')}
      count={(total) => t('checks.count', '{total} lần kiểm tra', { total })}
      filterNames={['unit'] as const}
      filters={[unitFilter(t, options.units)]}
      load={(query) => api.listChecks(query)}
      list={(checks) => <CheckList checks={checks} showUnit />}
      record={{ label: t('check.record', 'Ghi nhận kiểm tra'), testId: 'check-new' }}
      dialog={(dialog) => <CheckDialog units={options.units} {...dialog} />}
    />
  );
};
