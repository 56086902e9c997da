import exportJob from './export-job';
import report from './report';

export default { report, 'export-job': exportJob };
