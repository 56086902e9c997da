import { actionTable } from '#utils/admin-actions';

/** The plugin's RBAC actions, and the product roles given each; docs/ARCHITECTURE.md says how to add one. */
export default actionTable({
  /** Read and change the allowed websites and the theme; preview the widgets and copy their snippets. */
  manage: { displayName: 'Nhúng vào website', roles: ['it-center-editor'] },
});
