/**
 * "Waiting for me" as an attacker would ask it: every spelling of the path is guarded like the real one, no
 * parameter shape widens what is counted, and nothing is written through it.
 */
import request from 'supertest';
import { adminLogin } from '../../setup/http';
import { useStrapi } from '../../setup/strapi';

const app = useStrapi();
const QLDD = 'qldd@demo.example';
const IT = 'ttcntt@demo.example';
const PLUGINS = ['unit-submissions', 'feedback-register', 'oversight'];
const tokens: Record<string, string> = {};

beforeAll(async () => {
  for (const email of [QLDD, IT]) tokens[email] = await adminLogin(app.server(), email);
});

const get = (path: string, email?: string) => {
  const req = request(app.server()).get(path);
  return email ? req.set({ Authorization: `Bearer ${tokens[email]}` }) : req;
};

describe('GET /waiting, hostile', () => {
  it('guards every spelling of the path like the real one', async () => {
    for (const plugin of PLUGINS) {
      const own = await get(`/${plugin}/waiting`, QLDD);
      expect(own.status).toBe(200);
      for (const variant of [
        `/${plugin.toUpperCase()}/Waiting`,
        `/${plugin}/waiting/`,
        `//${plugin}//waiting`,
      ]) {
        // Refused outright, or guarded as the real path: never counted for someone without a session.
        const anonymous = await get(variant);
        expect([400, 401, 404]).toContain(anonymous.status);
        const res = await get(variant, QLDD);
        if (res.status === 200) expect(res.body).toEqual(own.body);
        else expect([400, 404]).toContain(res.status);
      }
    }
    // A role without the register stays out whatever the case.
    expect((await get('/FEEDBACK-REGISTER/WAITING', IT)).status).toBe(403);
  });

  it('refuses nested, repeated and operator-shaped parameters with a ValidationError', async () => {
    for (const plugin of PLUGINS) {
      const own = await get(`/${plugin}/waiting`, QLDD);
      for (const query of ['unit[$in][0]=1', 'unit=1&unit=2', 'filters[unit][id]=2', '0=1']) {
        const res = await get(`/${plugin}/waiting?${query}`, QLDD);
        expect({ query, status: res.status, error: res.body.error?.name }).toEqual({
          query,
          status: 400,
          error: 'ValidationError',
        });
        expect(res.body.error.details.errors.length).toBeGreaterThan(0);
      }
      // The query parser drops a prototype key before any route sees it: the answer is the plain one.
      const proto = await get(`/${plugin}/waiting?__proto__[x]=1`, QLDD);
      expect([200, 400]).toContain(proto.status);
      if (proto.status === 200) expect(proto.body).toEqual(own.body);
    }
  });

  it('takes no write', async () => {
    for (const plugin of PLUGINS) {
      for (const method of ['post', 'put', 'delete'] as const) {
        const res = await request(app.server())
          [method](`/${plugin}/waiting`)
          .set({ Authorization: `Bearer ${tokens[QLDD]}` })
          .send({ count: 0 });
        expect(res.status).toBeGreaterThanOrEqual(400);
        expect(res.status).toBeLessThan(500);
      }
    }
  });
});
