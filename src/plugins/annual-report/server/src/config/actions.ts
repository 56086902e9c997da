import type { ActionTable } from '#utils/admin-actions';

/** The plugin's RBAC actions, and the product roles given each; docs/ARCHITECTURE.md says how to add one. */
export default {
  /** Read reports, their figures and exports. */
  read: { uid: 'read', displayName: 'Xem báo cáo năm', roles: ['office', 'director'] },
  /** Create drafts, edit the narrative, recompute, issue, export. */
  manage: {
    uid: 'manage',
    displayName: 'Lập, chỉnh sửa, ban hành và xuất báo cáo năm',
    roles: ['office'],
  },
} satisfies ActionTable;
