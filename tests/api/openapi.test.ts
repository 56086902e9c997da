import request from 'supertest';
import { useStrapi } from '../setup/strapi';

const app = useStrapi();

describe('/documentation', () => {
  it('serves the OpenAPI document of the public API, custom routes included', async () => {
    const res = await request(app.server()).get('/documentation/v1.0.0');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/text\/html/);
    for (const path of [
      '/procedures/search',
      '/feedbacks/form',
      '/feedbacks/status/{trackingCode}',
      '/feedbacks/answered',
      '/survey-responses/summary',
      '/articles/{id}',
      '/organization',
    ]) {
      expect(res.text).toContain(`"${path}"`);
    }
    expect(res.text).toContain('Idempotency-Key');
    expect(res.text).not.toContain('"/units"');
    expect(res.text).not.toContain('"/holidays"');
  });
});
