import { actionTable } from '#utils/admin-actions';

/** The register's RBAC actions, and the product roles given each; docs/ARCHITECTURE.md says how to add one. */
export default actionTable({
  /** Open the register: the feedback assigned to one's own units. */
  read: {
    displayName: 'Xem sổ PAKN: phản ánh giao đơn vị mình',
    roles: ['office', 'director', 'unit-editor'],
  },
  /** See every feedback of the register. */
  readAll: { displayName: 'Xem toàn bộ sổ PAKN', roles: ['office', 'director'] },
  /** Register phone, paper and e-mail feedback; classify, transfer, assign, approve, send and publish. */
  handle: { displayName: 'Tiếp nhận, phân loại, giao, duyệt, trả lời, công khai PAKN', roles: ['office'] },
  /** Draft the answers of the feedback assigned to one's own units. */
  answer: { displayName: 'Soạn dự thảo trả lời PAKN được giao', roles: ['unit-editor'] },
});
