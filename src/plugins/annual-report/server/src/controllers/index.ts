import exportsArea from './exports';
import reports from './reports';

export default { reports, exports: exportsArea };
