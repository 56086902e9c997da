import { pagerWith } from '#admin/shared/common';
import { useT } from '../i18n';

export {
  Empty,
  Fact,
  OtherErrors,
  PRE,
  shorten,
  useDates,
  useLoader,
  WRAP,
  type Loaded,
} from '#admin/shared/common';

export const Pager = pagerWith(useT);
