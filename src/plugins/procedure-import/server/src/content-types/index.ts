import procedureImport from './procedure-import';

export default { 'procedure-import': procedureImport };
