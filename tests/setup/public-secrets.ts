/**
 * Secrets that no public read may reveal, planted the way an editor would: in the draft of a published article
 * (title, and a cover of its own) and of its campaign, through the document service without publishing; and in a
 * citizen's feedback (name, phone, email).
 */
import type { Core } from '@strapi/strapi';
import { demo } from './demo';

export const SECRET = 'BIMATZQ';

export interface PlantedSecrets {
  /** The published article whose draft holds the secret; its published version has `publicCover`. */
  article: { documentId: string; slug: string; title: string };
  campaign: { documentId: string; title: string };
  publicCover: { id: number; name: string };
  /** The secret phone of the planted feedback (the name and email hold SECRET). */
  phone: string;
}

const file = (strapi: Core.Strapi, name: string) =>
  strapi.db.query('plugin::upload.file').create({
    data: {
      name,
      hash: name.replace(/\W/g, '_'),
      ext: '.png',
      mime: 'image/png',
      size: 1,
      width: 1,
      height: 1,
      url: `/uploads/${name}`,
      provider: 'local',
      alternativeText: name,
    },
  });

export async function plantSecrets(strapi: Core.Strapi): Promise<PlantedSecrets> {
  const seeded = demo('articles.json').find(
    (a: { published: boolean; campaign?: string }) => a.published && a.campaign
  );
  const articles = strapi.documents('api::article.article');
  const published = await articles.findFirst({
    filters: { slug: seeded.vi.slug },
    locale: 'vi',
    status: 'published',
    populate: ['campaign'],
  });
  if (!published?.campaign) throw new Error('The demo data has no published article with a campaign.');

  const publicCover = await file(strapi, 'public-cover.png');
  const secretCover = await file(strapi, `${SECRET.toLowerCase()}-draft-cover.png`);
  await articles.update({
    documentId: published.documentId,
    locale: 'vi',
    data: { cover: publicCover.id } as never,
  });
  await articles.publish({ documentId: published.documentId, locale: 'vi' });
  await articles.update({
    documentId: published.documentId,
    locale: 'vi',
    data: {
      title: `${SECRET} unpublished draft headline`,
      summary: `${SECRET} draft summary`,
      cover: secretCover.id,
    } as never,
  });

  const campaign = published.campaign as { documentId: string; title: string };
  await strapi.documents('api::campaign.campaign').update({
    documentId: campaign.documentId,
    locale: 'vi',
    data: { title: `${SECRET} unpublished campaign title` } as never,
  });

  // Every legal document, procedure field and plan gets a secret draft title too: they are reached through
  // relations and through components (a plan's bases, a procedure's legal bases).
  for (const [uid, attribute] of [
    ['api::legal-document.legal-document', 'title'],
    ['api::procedure-field.procedure-field', 'name'],
    ['api::plan.plan', 'title'],
  ] as const) {
    const documents = strapi.documents(uid);
    for (const doc of await documents.findMany({
      locale: 'vi',
      status: 'published',
      fields: ['documentId'],
    })) {
      await documents.update({
        documentId: doc.documentId,
        locale: 'vi',
        data: { [attribute]: `${SECRET} draft ${attribute}` } as never,
      });
    }
  }

  const phone = '0987 654 313';
  await strapi.db.query('api::feedback.feedback').create({
    data: {
      documentId: 'fuzzsecretfeedback00000001',
      fullName: `${SECRET} Nguyễn Văn Bí Mật`,
      address: `${SECRET} street`,
      phone,
      email: `${SECRET.toLowerCase()}@secret.example`,
      kind: 'other_issue',
      subject: `${SECRET} subject`,
      content: `${SECRET} content`,
      channel: 'web',
      language: 'vi',
      state: 'received',
      receivedAt: new Date(),
      answerPublished: false,
      version: 1,
    },
  });

  return {
    article: {
      documentId: published.documentId,
      slug: published.slug as string,
      title: published.title as string,
    },
    campaign: { documentId: campaign.documentId, title: campaign.title },
    publicCover: { id: publicCover.id, name: publicCover.name },
    phone,
  };
}
