import type { Core } from '@strapi/strapi';

const NAME = 'Website revalidation';
// Publish and unpublish only: other entry events also fire for internal records such as feedback.
const EVENTS = ['entry.publish', 'entry.unpublish'];

interface Webhook {
  id: number;
  name: string;
  url: string;
  headers: Record<string, string>;
  events: string[];
  isEnabled: boolean;
}

/**
 * With WEBSITE_REVALIDATE_URL set, a Strapi webhook tells the department's website which entry was published or
 * unpublished, so that it revalidates its pages at once instead of waiting for Cache-Control to expire.
 * WEBSITE_REVALIDATE_SECRET is sent as a bearer token. The webhook is kept in line with the settings.
 */
export async function ensureWebsiteWebhook(strapi: Core.Strapi) {
  const url = process.env.WEBSITE_REVALIDATE_URL;
  if (!url) return;
  const secret = process.env.WEBSITE_REVALIDATE_SECRET;
  const wanted = {
    name: NAME,
    url,
    headers: secret ? { Authorization: `Bearer ${secret}` } : {},
    events: EVENTS,
  };

  const store = strapi.get('webhookStore');
  const runner = strapi.get('webhookRunner');
  const existing = ((await store.findWebhooks()) as Webhook[]).find((webhook) => webhook.name === NAME);
  if (!existing) {
    runner.add(await store.createWebhook(wanted));
  } else if (existing.url !== url || JSON.stringify(existing.headers) !== JSON.stringify(wanted.headers)) {
    runner.update(await store.updateWebhook(existing.id, { ...wanted, isEnabled: existing.isEnabled }));
  }
}
