import { actionTable } from '#utils/admin-actions';

/** The plugin's RBAC actions, and the product roles given each; docs/ARCHITECTURE.md says how to add one. */
export default actionTable({
  /** Read reports, their figures and exports. */
  read: { displayName: 'Xem báo cáo năm', roles: ['office', 'director'] },
  /** Create drafts, edit the narrative, recompute, issue, export. */
  manage: { displayName: 'Lập, chỉnh sửa, ban hành và xuất báo cáo năm', roles: ['office'] },
});
