import { actionTable } from '#utils/admin-actions';

/** The plugin's RBAC actions, and the product roles given each; docs/ARCHITECTURE.md says how to add one. */
export default actionTable({
  /** Open the submissions page: one's own units' submissions. */
  read: {
    displayName: 'Xem tin bài của đơn vị mình',
    roles: ['it-center-editor', 'office', 'director', 'unit-editor'],
  },
  /** See every unit's submissions. */
  readAll: { displayName: 'Xem tin bài của mọi đơn vị', roles: ['it-center-editor', 'office', 'director'] },
  /** Write, submit, resubmit and withdraw submissions of one's own units. */
  submit: { displayName: 'Soạn, gửi, rút tin bài của đơn vị mình', roles: ['unit-editor'] },
  /** Take submissions in review, request changes, approve, reject. */
  review: { displayName: 'Biên tập, yêu cầu chỉnh sửa, duyệt, từ chối', roles: ['it-center-editor'] },
  /** Manage which admin users belong to which units (super admins only). */
  memberships: { displayName: 'Phân công thành viên đơn vị', roles: [] },
});
