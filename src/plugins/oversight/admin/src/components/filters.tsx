import { FilterBar, type FilterDef } from '#admin/shared/kit';
import type { UnitRef } from '../api';
import type { Translate } from '../i18n';
import { useT } from '../i18n';

interface YearFilterProps {
  years: readonly number[];
  /** The year chosen in the URL, if any. */
  value: string | undefined;
  /** The year shown when none is chosen: the page's default. */
  year: number;
  onChange: (name: 'year', value: string | undefined) => void;
  /** Back to the page's default year. */
  onClear: () => void;
  testId?: string;
}

/** The plan year a page shows, kept in the URL (`year`) through the kit's filter bar. */
export const YearFilter = ({ years, value, year, onChange, onClear, testId }: YearFilterProps) => {
  const t = useT();
  return (
    <FilterBar
      filters={[
        {
          kind: 'select',
          name: 'year',
          label: t('dashboard.year', 'Năm'),
          placeholder: String(year),
          options: years.map((candidate) => ({ value: String(candidate), label: String(candidate) })),
        },
      ]}
      values={{ year: value }}
      onChange={onChange}
      onClear={onClear}
      testId={testId}
    />
  );
};

/** The filter of a list by unit (`unit`, its id). */
export const unitFilter = (t: Translate, units: readonly UnitRef[]): FilterDef<'unit'> => ({
  kind: 'select',
  name: 'unit',
  label: t('field.unit', 'Đơn vị'),
  placeholder: t('filter.allUnits', 'Tất cả đơn vị'),
  options: units.map((candidate) => ({ value: String(candidate.id), label: candidate.name })),
});
