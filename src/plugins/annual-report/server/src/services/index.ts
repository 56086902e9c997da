import drillDowns from './drill-downs';
import exportsArea from './exports';
import figures from './figures';
import reports from './reports';

export default { reports, figures, drillDowns, exports: exportsArea };
