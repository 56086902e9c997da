import { actionTable } from '#utils/admin-actions';

/** The plugin's RBAC actions, and the product roles given each; docs/ARCHITECTURE.md says how to add one. */
export default actionTable({
  /** The dashboard of every unit against the plan, and its drill-downs. */
  dashboard: {
    displayName: 'Xem bảng theo dõi mọi đơn vị',
    roles: ['it-center-editor', 'office', 'director'],
  },
  /** Send reminders, record checks, resolve or escalate difficulties. */
  manage: { displayName: 'Đôn đốc, kiểm tra, xử lý khó khăn, vướng mắc', roles: ['office'] },
  /** One's own units: their tasks and reminders; report difficulties and task results. */
  unit: {
    displayName: 'Nhiệm vụ, đôn đốc, khó khăn của đơn vị mình; báo cáo kết quả',
    roles: ['unit-editor'],
  },
  /** The difficulties escalated to the Director, and the Director's answers. */
  escalations: { displayName: 'Khó khăn, vướng mắc trình Giám đốc', roles: ['director'] },
});
