/**
 * The demo seed: loads the JSON files of `database/demo` (or DEMO_DATA_DIR) through the Document Service, so
 * that every rule of the product applies to demo data too. Idempotent: each entry is looked up by its natural key
 * and created only when missing. Never runs in production.
 */
import fs from 'fs';
import path from 'path';
import type { Core, UID } from '@strapi/strapi';
import { closedOnTime, deadlinesOnReceipt, publicationDueDate } from '#domain/feedback-deadlines';
import { localDate } from '#domain/working-days';
import { SUPER_ADMIN_ROLE } from '#domain/unit-access';
import { unitAccess } from '#api/unit/services/access';
import {
  clearOrganizationSettings,
  organizationSettings,
  type OrganizationSettings,
} from '#infra/organization-settings';
import { redactPersonalData } from '#feedback-register/domain/redaction';
import { deterministicTrackingCode, hashTrackingCode, normalizeTrackingCode } from '#domain/tracking-code';
import { currentYearStory, fillYear, type SeedDay } from './current-year';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
type Locale = 'vi' | 'en';

export const DEFAULT_DEMO_PASSWORD = 'Demo@12345';

export interface SeedReport {
  created: Record<string, number>;
}

/** Documents created or found, by natural key, with the locales they exist in. */
class Registry {
  private entries = new Map<string, { documentId: string; locales: Set<string> }>();
  set(kind: string, key: string, documentId: string, locales: string[]) {
    this.entries.set(`${kind}:${key}`, { documentId, locales: new Set(locales) });
  }
  /** The documentId when it exists in that locale (or is not localized), else undefined. */
  get(kind: string, key: string | undefined | null, locale?: Locale): string | undefined {
    if (!key) return undefined;
    const entry = this.entries.get(`${kind}:${key}`);
    if (!entry) throw new Error(`Demo data refers to an unknown ${kind} "${key}".`);
    return !locale || entry.locales.has(locale) ? entry.documentId : undefined;
  }
  many(kind: string, keys: string[] | undefined, locale?: Locale): string[] {
    return (keys ?? []).map((k) => this.get(kind, k, locale)).filter((id): id is string => Boolean(id));
  }
}

/** Paragraph strings to Strapi blocks; "## " starts a heading. */
export const toBlocks = (paragraphs: string[] | undefined) =>
  (paragraphs ?? []).map((text) =>
    text.startsWith('## ')
      ? { type: 'heading', level: 2, children: [{ type: 'text', text: text.slice(3) }] }
      : { type: 'paragraph', children: [{ type: 'text', text }] }
  );

/**
 * The `build` argument of a localized document: `build(text, locale)` for each locale the demo item has a text in
 * (its `vi` and `en` keys), nothing for the others.
 */
const inItsLocales =
  (item: Json, build: (text: Json, locale: Locale) => Json) =>
  (locale: Locale): Json | undefined =>
    item[locale] ? build(item[locale], locale) : undefined;

export async function isDatabaseEmpty(strapi: Core.Strapi): Promise<boolean> {
  const [users, units] = await Promise.all([
    strapi.db.query('admin::user').count(),
    strapi.db.query('api::unit.unit').count(),
  ]);
  return users === 0 && units === 0;
}

export async function seedDemo(
  strapi: Core.Strapi,
  {
    dir = process.env.DEMO_DATA_DIR || path.join(strapi.dirs.app.root, 'database', 'demo'),
    password = process.env.DEMO_PASSWORD || DEFAULT_DEMO_PASSWORD,
  } = {}
): Promise<SeedReport> {
  if (strapi.config.get('environment') === 'production') {
    throw new Error('The demo seed never runs in production.');
  }
  const read = (file: string) => JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8'));
  const registry = new Registry();
  const report: SeedReport = { created: {} };
  const count = (kind: string) => (report.created[kind] = (report.created[kind] ?? 0) + 1);

  // Loosely typed on purpose: the demo JSON is checked by the content types' own validation.
  const docs = (uid: string) =>
    strapi.documents(uid as UID.ContentType) as unknown as {
      create(params: Json): Promise<{ documentId: string }>;
      update(params: Json): Promise<unknown>;
      publish(params: Json): Promise<unknown>;
    };

  /**
   * One localized document: created in vi, translated to en when given, published when asked.
   * `build(locale)` returns the data of that locale, relations resolved for it.
   */
  async function ensureLocalized(
    kind: string,
    uid: string,
    key: string,
    where: Json,
    build: (locale: Locale) => Json | undefined,
    publish: boolean
  ): Promise<string> {
    const existing = await strapi.db.query(uid as UID.ContentType).findMany({
      where: { ...where },
      select: ['documentId', 'locale'],
    });
    if (existing.length > 0) {
      const locales = [...new Set(existing.map((r: Json) => r.locale as string))];
      registry.set(kind, key, existing[0].documentId, locales);
      return existing[0].documentId;
    }
    const created = await docs(uid).create({ locale: 'vi', data: build('vi') });
    const locales = ['vi'];
    registry.set(kind, key, created.documentId, locales);
    const en = build('en');
    if (en) {
      await docs(uid).update({ documentId: created.documentId, locale: 'en', data: en });
      locales.push('en');
      registry.set(kind, key, created.documentId, locales);
    }
    if (publish) await docs(uid).publish({ documentId: created.documentId, locale: '*' });
    count(kind);
    return created.documentId;
  }

  async function ensurePlain(kind: string, uid: string, key: string, where: Json, data: () => Json) {
    const existing = await strapi.db.query(uid as UID.ContentType).findOne({ where, select: ['documentId'] });
    const documentId = existing?.documentId ?? (await docs(uid).create({ data: data() })).documentId;
    if (!existing) count(kind);
    registry.set(kind, key, documentId, []);
  }

  // Public holidays of the working-day calendar
  for (const holiday of read('holidays.json')) {
    await ensurePlain('holiday', 'api::holiday.holiday', holiday.date, { date: holiday.date }, () => holiday);
  }

  // Units
  for (const unit of read('units.json')) {
    await ensurePlain('unit', 'api::unit.unit', unit.code, { code: unit.code }, () => ({
      ...unit,
      active: true,
    }));
  }

  // Procedure fields
  for (const field of read('procedure-fields.json')) {
    await ensureLocalized(
      'field',
      'api::procedure-field.procedure-field',
      field.code,
      { code: field.code },
      inItsLocales(field, (text) => ({ code: field.code, sortOrder: field.sortOrder, ...text })),
      true
    );
  }

  // Legal documents
  for (const doc of read('legal-documents.json')) {
    const { vi: _vi, en: _en, ...shared } = doc;
    await ensureLocalized(
      'legal',
      'api::legal-document.legal-document',
      doc.symbol,
      { symbol: doc.symbol },
      inItsLocales(doc, (text) => ({ ...shared, ...text })),
      true
    );
  }

  // Organization (single type)
  const organization = read('organization.json');
  await ensureLocalized(
    'organization',
    'api::organization.organization',
    'organization',
    {},
    inItsLocales(organization, (text) => ({
      reportPeriodStart: organization.reportPeriodStart,
      reportPeriodEnd: organization.reportPeriodEnd,
      timeZone: organization.timeZone,
      feedbackDeadlines: organization.feedbackDeadlines,
      feedbackRetentionMonths: organization.feedbackRetentionMonths,
      profiles: text.profiles,
      privacyNotice: text.privacyNotice,
    })),
    true
  );

  // The history (the plan's year) and the current year, whose story is dated from the day the seed runs.
  clearOrganizationSettings();
  const settings = await organizationSettings(strapi);
  const now = new Date();
  const seedDay: SeedDay = {
    now,
    today: localDate(now, settings.timeZone),
    timeZone: settings.timeZone,
    calendar: settings.calendar,
  };
  const historyPlan = read('plan.json');
  const history = fillYear(historyPlan, historyPlan.year);
  const current = currentYearStory(read('current-year.json'), historyPlan, seedDay);
  const plans: Json[] = [history, current.plan];
  /** Task codes repeat from one year's plan to the next: a task is known by its plan and code. */
  const taskKey = (planKey: string, code: string | undefined | null) => code && `${planKey}/${code}`;

  // Plans
  for (const plan of plans) {
    await ensureLocalized(
      'plan',
      'api::plan.plan',
      plan.key,
      { year: plan.year, symbol: plan.symbol },
      inItsLocales(plan, (text, locale) => ({
        number: plan.number ?? null,
        symbol: plan.symbol,
        year: plan.year,
        issueDate: plan.issueDate ?? null,
        signerName: plan.signerName,
        title: text.title,
        issuingBody: text.issuingBody,
        signerTitle: text.signerTitle,
        bases: text.bases.map((b: Json) => ({
          text: b.text,
          legalDocument: registry.get('legal', b.legalDocument, locale) ?? null,
        })),
        purposes: toBlocks(text.purposes),
        requirements: toBlocks(text.requirements),
        sections: text.sections.map((s: Json) => ({ heading: s.heading, body: toBlocks(s.body) })),
        recipients: text.recipients,
      })),
      true
    );
  }

  // Campaigns
  for (const campaign of read('campaigns.json')) {
    await ensureLocalized(
      'campaign',
      'api::campaign.campaign',
      campaign.key,
      { slug: campaign.vi.slug, locale: 'vi' },
      inItsLocales(campaign, (text, locale) => ({
        ...text,
        description: toBlocks(text.description),
        audiences: campaign.audiences.map((audience: string) => ({ audience })),
        channels: campaign.channels,
        startDate: campaign.startDate,
        endDate: campaign.endDate,
        plan: registry.get('plan', campaign.plan, locale) ?? null,
        legalDocuments: registry.many('legal', campaign.legalDocuments, locale),
      })),
      true
    );
  }

  // Plan tasks (no draft & publish: they are tracked, not published on their own)
  for (const plan of plans) {
    const planId = registry.get('plan', plan.key)!;
    for (const task of plan.tasks) {
      await ensureLocalized(
        'task',
        'api::plan-task.plan-task',
        taskKey(plan.key, task.code)!,
        { code: task.code, plan: { documentId: planId } },
        inItsLocales(task, (text, locale) => ({
          code: task.code,
          content: text.content,
          form: task.form,
          channel: task.channel ?? null,
          targetCount: task.targetCount,
          dueDate: task.dueDate,
          plan: registry.get('plan', plan.key, locale),
          unit: registry.get('unit', task.unit),
          campaign: registry.get('campaign', task.campaign, locale) ?? null,
        })),
        false
      );
    }
  }

  // Procedures: versions of one national code are created oldest first, each amending the previous one.
  const procedures: Json[] = read('procedures.json');
  const byCode = new Map<string, Json[]>();
  for (const p of procedures) byCode.set(p.nationalCode, [...(byCode.get(p.nationalCode) ?? []), p]);
  for (const [code, versions] of byCode) {
    versions.sort((a, b) => (a.effectiveFrom < b.effectiveFrom ? -1 : 1));
    let previousKey: string | undefined;
    for (const [index, version] of versions.entries()) {
      const isLast = index === versions.length - 1;
      const key = `${code}@${version.effectiveFrom}`;
      const prevKey = previousKey;
      const documentId = await ensureLocalized(
        'procedure',
        'api::procedure.procedure',
        key,
        { nationalCode: code, effectiveFrom: version.effectiveFrom },
        inItsLocales(version, (text, locale) => ({
          ...text,
          nationalCode: code,
          // Older versions enter as in force; the next version freezes them, as an editor's amendment would.
          legalStatus: isLast ? version.legalStatus : 'in_force',
          effectiveTo: isLast ? (version.effectiveTo ?? null) : null,
          effectiveFrom: version.effectiveFrom,
          announcementType: version.announcementType,
          onlineLevel: version.onlineLevel,
          portalUrl: version.portalUrl ?? null,
          sampleData: version.sampleData === true,
          levels: version.levels.map((level: string) => ({ level })),
          steps: text.steps.map((description: string) => ({ description })),
          field: registry.get('field', version.field, locale),
          legalBases: registry.many('legal', version.legalBases, locale),
          announcingDecision: registry.get('legal', version.announcingDecision, locale) ?? null,
          // Relations are per locale: an English version links the English text of its predecessor, if any.
          previousVersion: registry.get('procedure', prevKey, locale) ?? null,
        })),
        true
      );
      registry.set('procedure', code, documentId, ['vi', ...(version.en ? ['en'] : [])]);
      previousKey = key;
    }
  }

  // Articles
  for (const article of read('articles.json')) {
    const documentId = await ensureLocalized(
      'article',
      'api::article.article',
      article.vi.slug,
      { slug: article.vi.slug, locale: 'vi' },
      inItsLocales(article, (text, locale) => ({
        ...text,
        body: toBlocks(text.body),
        kind: article.kind,
        channel: article.channel,
        externalUrl: article.externalUrl ?? null,
        unit: registry.get('unit', article.unit),
        campaign: registry.get('campaign', article.campaign, locale) ?? null,
        planTask: registry.get('task', taskKey(history.key, article.planTask), locale) ?? null,
        procedures: registry.many('procedure', article.procedures, locale),
      })),
      article.published === true
    );
    // Publishing stamps today; the demo's articles ran during the plan's year.
    if (article.publishedAt) {
      await strapi.db.query('api::article.article').updateMany({
        where: { documentId, publishedAt: { $notNull: true } },
        data: { publishedAt: new Date(article.publishedAt) },
      });
    }
  }

  // Feedback: each demo entry gets a stable tracking code, whose hash is its natural key.
  const feedbacks: [string, DemoFeedback & Json][] = [
    ...read('feedbacks.json').map((feedback: Json, index: number) => [`demo-${index}`, feedback]),
    ...current.feedbacks.map((feedback: Json, index: number) => [`demo-current-${index}`, feedback]),
  ];
  for (const [seed, feedback] of feedbacks) {
    const trackingCodeHash = hashTrackingCode(normalizeTrackingCode(deterministicTrackingCode(seed))!);
    const { consent, procedure, handlingUnit, ...fields } = feedback;
    await ensurePlain('feedback', 'api::feedback.feedback', trackingCodeHash, { trackingCodeHash }, () => ({
      ...fields,
      ...registerFields(feedback, settings),
      trackingCodeHash,
      consent: { ...consent, consentedAt: feedback.receivedAt },
      procedure: registry.get('procedure', procedure, 'vi') ?? null,
      handlingUnit: registry.get('unit', handlingUnit) ?? null,
    }));
  }

  // Oversight: task reports, checks and difficulties of each year (the oversight plugin's records).
  const oversightOf: [Json, Json][] = [
    [history, read('oversight.json')],
    [current.plan, current],
  ];
  for (const [plan, oversight] of strapi.plugin('oversight') ? oversightOf : []) {
    const unitOfTask = new Map<string, string>(plan.tasks.map((t: Json) => [t.code, t.unit]));
    const taskId = (code: string) => registry.get('task', taskKey(plan.key, code), 'vi');
    for (const report of oversight.taskReports) {
      await ensurePlain(
        'task report',
        'plugin::oversight.task-report',
        `${taskKey(plan.key, report.task)}@${report.reportedAt}`,
        { planTaskDocumentId: taskId(report.task), status: report.status },
        () => ({
          unit: registry.get('unit', unitOfTask.get(report.task)),
          planTaskDocumentId: taskId(report.task),
          status: report.status,
          results: report.results,
          outputCount: report.outputCount,
          reportedByName: report.reportedBy,
          reportedAt: report.reportedAt,
        })
      );
    }
    for (const check of oversight.checks ?? []) {
      await ensurePlain(
        'check',
        'plugin::oversight.check',
        `${check.unit}@${check.date}`,
        { date: check.date, unit: { documentId: registry.get('unit', check.unit) } },
        () => ({ ...check, unit: registry.get('unit', check.unit), inspectorName: check.inspector })
      );
    }
    for (const difficulty of oversight.difficulties) {
      const { unit, task, reportedBy, ...fields } = difficulty;
      await ensurePlain(
        'difficulty',
        'plugin::oversight.difficulty',
        difficulty.reportedAt,
        { what: difficulty.what },
        () => ({
          ...fields,
          unit: registry.get('unit', unit),
          planTaskDocumentId: taskId(task),
          reportedByName: reportedBy,
          version: 0,
        })
      );
    }
  }

  // Survey responses: anonymous, keyed by their submission time.
  for (const response of read('survey-responses.json')) {
    const { procedure, ...ratings } = response;
    await ensurePlain(
      'survey',
      'api::survey-response.survey-response',
      response.submittedAt,
      { submittedAt: response.submittedAt },
      () => ({ ...ratings, procedure: registry.get('procedure', procedure, 'vi') ?? null })
    );
  }

  // Demo accounts: one per role, with their units (memberships: the core unit-access service).
  const roleCodes: Record<string, string> = { 'super-admin': SUPER_ADMIN_ROLE };
  const memberships = unitAccess(strapi);
  for (const user of read('users.json')) {
    let account = await strapi.db.query('admin::user').findOne({ where: { email: user.email } });
    if (!account) {
      const role = await strapi.db
        .query('admin::role')
        .findOne({ where: { code: roleCodes[user.role] ?? user.role } });
      if (!role) throw new Error(`Demo user ${user.email} has an unknown role "${user.role}".`);
      // Written directly: the admin user service's create() also fires an unawaited telemetry count that would
      // outlive a short seed process (and its database pool).
      account = await strapi.db.query('admin::user').create({
        data: {
          email: user.email,
          firstname: user.firstname,
          lastname: user.lastname,
          password: await strapi.service('admin::auth').hashPassword(password),
          registrationToken: null,
          isActive: true,
          blocked: false,
          preferedLanguage: 'vi',
          roles: [role.id],
        },
      });
      count('user');
    }
    if (user.units.length && (await memberships.unitIdsOf(account.id)).length === 0) {
      const units = await strapi.db
        .query('api::unit.unit')
        .findMany({ where: { code: { $in: user.units } }, select: ['id'] });
      await memberships.set(
        account.id,
        units.map((unit: { id: number }) => unit.id)
      );
      count('membership');
    }
  }

  // Submissions of units, through the plugin's own services and file rules, as their authors and the IT Center would
  // make them: the history's drafts, and the current year's moved through the workflow on the days the story says.
  const submissions = strapi.plugin('unit-submissions')?.service('submissions');
  const transitions = strapi.plugin('unit-submissions')?.service('transitions');
  const attachments = strapi.plugin('unit-submissions')?.service('attachments');
  /** What a demo user may do, from their roles and units, as a request of theirs would find it. */
  const accessOf = async (email: string) => {
    const user = await strapi.db.query('admin::user').findOne({ where: { email }, populate: ['roles'] });
    if (!user) throw new Error(`Demo data refers to an unknown user "${email}".`);
    const ability = await strapi.service('admin::permission').engine.generateUserAbility(user);
    return submissions.accessOf(user, ability);
  };
  const demoSubmissions: [string, Json][] = [
    ...read('submissions.json').map((demo: Json) => [history.key, demo]),
    ...current.submissions.map((demo: Json) => [current.plan.key, demo]),
  ];
  for (const [planKey, demo] of submissions ? demoSubmissions : []) {
    const uid = 'plugin::unit-submissions.submission' as UID.ContentType;
    if (await strapi.db.query(uid).findOne({ where: { title: demo.title }, select: ['id'] })) continue;
    const access = await accessOf(demo.author);
    const unit = await strapi.db.query('api::unit.unit').findOne({ where: { code: demo.unit } });
    if (!unit) throw new Error(`Demo submission "${demo.title}" has an unknown unit.`);
    const createdAt = demo.createdAt ? new Date(demo.createdAt) : now;
    const { title, kind, body, proposedChannel } = demo;
    const planTask = registry.get('task', taskKey(planKey, demo.planTask), 'vi');
    const documentId = await submissions.create(
      access,
      { title, kind, body, proposedChannel, unit: unit.id, planTask },
      'vi',
      createdAt
    );
    const files = (demo.attachments as { name: string; text: string }[]).map(({ name, text }) => {
      const bytes = demoPdf(text);
      return { originalName: name, size: bytes.length, read: async () => bytes };
    });
    if (files.length) await attachments.add(access, documentId, files, 'vi', createdAt);
    let updatedAt = createdAt;
    for (const move of demo.moves ?? []) {
      const { version, article } = await submissions.load(documentId);
      if (move.to === 'published') {
        // The last move is the system's: the article is published, now, through its own publication rules.
        if (article)
          await docs('api::article.article').publish({ documentId: article.documentId, locale: '*' });
        if ((await submissions.load(documentId)).state !== 'published') {
          throw new Error(`Demo submission "${title}" cannot be published: it has no approved article.`);
        }
        updatedAt = new Date();
        continue;
      }
      // Moves of one day follow each other by the hour; none is dated after the seed runs.
      updatedAt = new Date(
        Math.min(Math.max(Date.parse(move.at), updatedAt.getTime() + 3_600_000), now.getTime())
      );
      const assigneeId = move.assignee ? (await accessOf(move.assignee)).user.id : null;
      const moved = await transitions.transition(
        await accessOf(move.by ?? demo.author),
        documentId,
        { to: move.to, version, comment: move.comment ?? null, assigneeId },
        'vi',
        { at: updatedAt }
      );
      if (!moved) throw new Error(`Demo submission "${title}" is not visible to ${move.by ?? demo.author}.`);
    }
    // The row's own dates follow the story too (the assignment write stamped it now).
    await strapi.db.query(uid).updateMany({ where: { documentId }, data: { createdAt, updatedAt } });
    count('submission');
  }

  strapi.log.info(`Demo seed: ${JSON.stringify(report.created)}`);
  return report;
}

/** A one-page PDF showing a line of (ASCII) text: what a unit's scanned invitation stands for in the demo. */
function demoPdf(text: string): Buffer {
  const line = text.replace(/[^\x20-\x7e]/g, '').replace(/[()\\]/g, '');
  const content = `BT /F1 14 Tf 56 780 Td (${line}) Tj ET`;
  return Buffer.from(
    [
      '%PDF-1.4',
      '1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj',
      '2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj',
      '3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]/Resources<</Font<</F1 4 0 R>>>>/Contents 5 0 R>>endobj',
      '4 0 obj<</Type/Font/Subtype/Type1/BaseFont/Helvetica>>endobj',
      `5 0 obj<</Length ${content.length}>>stream`,
      content,
      'endstream endobj',
      'trailer<</Root 1 0 R>>',
      '%%EOF',
      '',
    ].join('\n'),
    'latin1'
  );
}

interface DemoFeedback {
  fullName: string;
  address: string;
  phone?: string;
  email?: string;
  subject: string;
  content: string;
  state: 'received' | 'not_accepted' | 'transferred' | 'answered' | 'published' | string;
  receivedAt: string;
  dueDate?: string;
  answer?: string;
  answeredAt?: string;
  onTime?: boolean;
  consent: { publishAnswer: boolean };
}

/** What the register would have recorded on the way to a demo feedback's state: deadlines, closing, publication. */
function registerFields(feedback: DemoFeedback, { calendar, timeZone, deadlines }: OrganizationSettings) {
  const due = deadlinesOnReceipt(localDate(new Date(feedback.receivedAt), timeZone), deadlines, calendar);
  const dated = { ...due, dueDate: feedback.dueDate ?? due.dueDate };
  const closed = ['not_accepted', 'transferred', 'answered', 'published'].includes(feedback.state);
  const closedOn = feedback.answeredAt ? localDate(new Date(feedback.answeredAt), timeZone) : null;
  const closing = feedback.state === 'published' ? 'answered' : feedback.state;
  const published = feedback.state === 'published';
  // An answer sent with the submitter's consent is due for publication; the demo publishes on the day it answers.
  const publication =
    closing === 'answered' && closedOn && feedback.consent.publishAnswer
      ? publicationDueDate(closedOn, deadlines, calendar)
      : null;
  const redact = (text?: string) => (text ? redactPersonalData(text, feedback) : null);
  return {
    ...dated,
    notAcceptedReason: feedback.state === 'not_accepted' ? feedback.answer : null,
    closedAt: closed ? feedback.answeredAt : null,
    onTime: feedback.onTime ?? (closed && closedOn ? closedOnTime(closing as never, closedOn, dated) : null),
    publicSubject: published ? redact(feedback.subject) : null,
    publicContent: published ? redact(feedback.content) : null,
    publicAnswer: published ? redact(feedback.answer) : null,
    answerPublishedAt: published ? feedback.answeredAt : null,
    publicationDueDate: publication,
    publicationOnTime: published ? true : null,
  };
}
