import request from 'supertest';
import type { Server } from 'http';
import type { Core } from '@strapi/strapi';

export const DEMO_PASSWORD = () => process.env.DEMO_PASSWORD!;

/** Logs an admin user in through the real admin API and returns the JWT. */
export async function adminLogin(server: Server, email: string, password = DEMO_PASSWORD()): Promise<string> {
  const res = await request(server).post('/admin/login').send({ email, password });
  if (res.status !== 200) throw new Error(`login ${email}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.data.token;
}

/** A full-access content-API token, as a super admin would create in Settings > API Tokens. */
export async function fullAccessToken(strapi: Core.Strapi): Promise<string> {
  const token = await strapi.service('admin::api-token').create({
    name: `test-${Date.now()}-${Math.random()}`,
    type: 'full-access',
    lifespan: null,
  });
  return token.accessKey;
}
