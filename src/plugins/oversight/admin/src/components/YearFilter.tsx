import { FilterBar } from '../../../../../admin/shared/kit';
import { useT } from '../i18n';

interface YearFilterProps {
  years: readonly number[];
  /** The year shown: the one in the URL, else the page's default. */
  year: number;
  onChange: (name: 'year', value: string | undefined) => void;
  /** Back to the page's default year. */
  onClear: () => void;
  testId?: string;
}

/** The plan year a page shows, kept in the URL (`year`) through the kit's filter bar. */
export const YearFilter = ({ years, year, onChange, onClear, testId }: YearFilterProps) => {
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
      values={{ year: String(year) }}
      onChange={onChange}
      onClear={onClear}
      testId={testId}
    />
  );
};
