import { actionTable } from '#utils/admin-actions';

/** The plugin's RBAC actions, and the product roles given each; docs/ARCHITECTURE.md says how to add one. */
export default actionTable({
  /** Upload files, read previews and the history, apply imports, download the catalogue. */
  manage: { displayName: 'Nhập thủ tục từ CSDL quốc gia', roles: ['it-center-editor'] },
});
