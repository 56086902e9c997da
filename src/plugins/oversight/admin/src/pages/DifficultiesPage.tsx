import { useApi } from '../api';
import { DifficultyDialog } from '../components/DifficultyDialog';
import { DifficultyList } from '../components/DifficultyList';
import { unitFilter } from '../components/filters';
import { useOptions } from '../components/OptionsContext';
import { RecordsPage } from '../components/RecordsPage';
import { useT } from '../i18n';
import { DIFFICULTY_STATES, difficultyStateLabel } from '../labels';

/**
 * The Office's list of difficulties reported by units: resolve them, or escalate them to the Director. The Office
 * also records one it found itself (in a check, say) for a unit.
 */
export const DifficultiesPage = () => {
  const t = useT();
  const api = useApi();
  const options = useOptions();
  return (
    <RecordsPage
      title={t('difficulties.title', 'Khó khăn, vướng mắc của các đơn vị')}
      count={(total) => t('difficulties.count', '{total} khó khăn, vướng mắc', { total })}
      filterNames={['state', 'unit'] as const}
      filters={[
        {
          kind: 'select',
          name: 'state',
          label: t('field.state', 'Trạng thái'),
          options: DIFFICULTY_STATES.map((value) => ({ value, label: difficultyStateLabel(t, value) })),
        },
        unitFilter(t, options.units),
      ]}
      load={(query) => api.listDifficulties(query)}
      list={(difficulties, reload) => (
        <DifficultyList difficulties={difficulties} actions onChanged={reload} />
      )}
      record={{
        label: t('difficulty.record', 'Ghi nhận khó khăn, vướng mắc của đơn vị'),
        testId: 'difficulty-record',
      }}
      dialog={(dialog) => (
        <DifficultyDialog units={options.units} year={options.years[0]} recordedByOffice {...dialog} />
      )}
    />
  );
};
