/** What the cluster tests share: a citizen's feedback, staff users and their sessions, waiting. */
import { PDF } from '../setup/files';
import type { Cluster } from './use-cluster';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const harness = require('./harness');

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Row = Record<string, any>;

export interface Session {
  token: string;
  request(
    method: string,
    path: string,
    body?: unknown,
    headers?: Record<string, string>
  ): Promise<{ status: number; headers: Headers; body: Row; buffer: Buffer }>;
}

export { PDF };

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Polls `check` every 50 ms for up to `ms`: its first truthy value, or the last falsy one. */
export async function within<T>(ms: number, check: () => Promise<T> | T): Promise<T> {
  const until = Date.now() + ms;
  for (;;) {
    const value = await check();
    if (value || Date.now() >= until) return value;
    await sleep(50);
  }
}

/** The feedback a citizen sends through `nodeUrl`, from the client address `ip` (each test its own rate budget). */
export async function submitFeedback(
  nodeUrl: string,
  { ip, subject, file = PDF }: { ip: string; subject: string; file?: Buffer }
): Promise<{ status: number; body: Row }> {
  const form = await (
    await fetch(`${nodeUrl}/api/feedbacks/form`, { headers: { 'X-Forwarded-For': ip } })
  ).json();
  const data = {
    fullName: 'Nguyễn Văn An',
    address: '1 Lê Lợi',
    email: 'an@example.com',
    kind: 'other_issue',
    subject,
    content: 'Tôi gửi kèm văn bản liên quan.',
    consent: { processing: true, publishAnswer: false },
    formToken: form.data.formToken,
  };
  const body = new FormData();
  body.append('data', JSON.stringify(data));
  body.append('files', new Blob([new Uint8Array(file)], { type: 'application/pdf' }), 'Tờ trình.pdf');
  const res = await fetch(`${nodeUrl}/api/feedbacks`, {
    method: 'POST',
    body,
    headers: { 'X-Forwarded-For': ip },
  });
  return { status: res.status, body: await res.json() };
}

/** Logs in to the admin through `nodeUrl`. */
export async function login(nodeUrl: string, email: string, password: string): Promise<Session> {
  const res = await fetch(`${nodeUrl}/admin/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  const json = await res.json();
  if (!json.data?.token) throw new Error(`login of ${email}: ${res.status} ${JSON.stringify(json)}`);
  return harness.client(nodeUrl, json.data.token);
}

/** A staff user with the product's role `roleCode` (src/bootstrap/admin-roles.ts), created by the super admin. */
export async function createStaffUser(
  cluster: Cluster,
  email: string,
  roleCode: string,
  password = 'Staff@12345'
): Promise<{ email: string; password: string }> {
  const admin: Session = await cluster.admin(0);
  const roles = await admin.request('GET', '/admin/roles');
  const role = roles.body.data.find((r: Row) => r.code === roleCode);
  if (!role) throw new Error(`no role ${roleCode}: ${JSON.stringify(roles.body)}`);
  const created = await admin.request('POST', '/admin/users', {
    firstname: 'Cán bộ',
    lastname: roleCode,
    email,
    roles: [role.id],
  });
  if (created.status !== 201)
    throw new Error(`user ${email}: ${created.status} ${JSON.stringify(created.body)}`);
  const activated = await admin.request('PUT', `/admin/users/${created.body.data.id}`, {
    password,
    isActive: true,
  });
  if (activated.status !== 200) throw new Error(`activating ${email}: ${activated.status}`);
  return { email, password };
}

/** The export job `id` once it is no longer queued or running (read through `session`). */
export async function finishedExport(session: Session, id: string, timeoutMs = 60_000): Promise<Row> {
  const job = await within(timeoutMs, async () => {
    const res = await session.request('GET', `/annual-report/exports/${id}`);
    return ['done', 'failed'].includes(res.body.data?.state) ? res.body.data : null;
  });
  if (!job) throw new Error(`export ${id} did not finish within ${timeoutMs} ms`);
  return job;
}

/** An annual report of this year, drafted by the super admin through `node`. */
export async function draftReport(session: Session): Promise<Row> {
  const res = await session.request('POST', '/annual-report/reports', {
    data: { year: new Date().getUTCFullYear() },
  });
  if (res.status !== 201) throw new Error(`report: ${res.status} ${JSON.stringify(res.body).slice(0, 500)}`);
  return res.body.data;
}
