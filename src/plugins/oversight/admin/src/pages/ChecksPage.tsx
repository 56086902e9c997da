import { useApi } from '../api';
import { InspectionDialog, InspectionList } from '../components/Inspections';
import { unitFilter } from '../components/filters';
import { useOptions } from '../components/OptionsContext';
import { RecordsPage } from '../components/RecordsPage';
import { useT } from '../i18n';

/** Checks of the units (kiểm tra): the Office records them; the Director and the IT Center read them. */
export const InspectionsPage = () => {
  const t = useT();
  const api = useApi();
  const options = useOptions();
  return (
    <RecordsPage
      title={t('inspections.title', 'Kiểm tra việc thực hiện kế hoạch')}
      count={(total) => t('inspections.count', '{total} lần kiểm tra', { total })}
      filterNames={['unit'] as const}
      filters={[unitFilter(t, options.units)]}
      load={(query) => api.listInspections(query)}
      list={(inspections) => <InspectionList inspections={inspections} showUnit />}
      record={{ label: t('inspection.record', 'Ghi nhận kiểm tra'), testId: 'inspection-new' }}
      dialog={(dialog) => <InspectionDialog units={options.units} {...dialog} />}
    />
  );
};
