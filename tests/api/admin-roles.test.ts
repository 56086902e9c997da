import { useStrapi } from '../setup/strapi';

const app = useStrapi();

interface RolePermissions {
  /** Every permission that is not the Content Manager's: plugin actions and uploads, with any conditions. */
  plugins: string[];
  /** Content Manager actions by content type. */
  contentManager: Record<string, string>;
  /** The Content Manager permissions that carry RBAC conditions. */
  conditions: Record<string, string>;
}

/** The product roles as 50a585c made them (issue 14 moved their plugin actions into each plugin's config/actions.ts), plus issue 15's import, issue 16's synonyms and issue 17's widget settings. */
const EXPECTED: Record<string, RolePermissions> = {
  'it-center-editor': {
    plugins: [
      'plugin::oversight.dashboard',
      // Issue 15: the IT Center imports procedures.
      'plugin::procedure-import.manage',
      'plugin::unit-submissions.read',
      'plugin::unit-submissions.read-all',
      'plugin::unit-submissions.review',
      'plugin::upload.assets.copy-link',
      'plugin::upload.assets.create',
      'plugin::upload.assets.download',
      'plugin::upload.assets.update',
      'plugin::upload.configure-view',
      'plugin::upload.read',
      // Issue 17: the IT Center allows websites and themes the widgets.
      'plugin::widgets.manage',
    ],
    contentManager: {
      'api::article.article': 'create delete publish read update',
      'api::campaign.campaign': 'create delete publish read update',
      'api::legal-document.legal-document': 'create delete publish read update',
      'api::procedure-field.procedure-field': 'create delete publish read update',
      'api::procedure.procedure': 'create delete publish read update',
      // Issue 16: the IT Center keeps the search's synonyms.
      'api::synonym.synonym': 'create delete read update',
      'api::holiday.holiday': 'read',
      'api::organization.organization': 'read',
      'api::plan-task.plan-task': 'read',
      'api::plan.plan': 'read',
      'api::unit.unit': 'read',
      'plugin::unit-submissions.submission': 'read',
    },
    conditions: {},
  },
  office: {
    plugins: [
      'plugin::annual-report.manage',
      'plugin::annual-report.read',
      'plugin::feedback-register.handle',
      'plugin::feedback-register.read',
      'plugin::feedback-register.read-all',
      'plugin::oversight.dashboard',
      'plugin::oversight.manage',
      'plugin::unit-submissions.read',
      'plugin::unit-submissions.read-all',
      'plugin::upload.assets.download',
      'plugin::upload.read',
    ],
    contentManager: {
      'api::holiday.holiday': 'create delete read update',
      'api::organization.organization': 'create delete publish read update',
      'api::plan-task.plan-task': 'create delete read update',
      'api::plan.plan': 'create delete publish read update',
      'api::unit.unit': 'create delete read update',
      'api::article.article': 'read',
      'api::campaign.campaign': 'read',
      'api::feedback.feedback': 'read',
      'api::legal-document.legal-document': 'read',
      'api::procedure-field.procedure-field': 'read',
      'api::procedure.procedure': 'read',
      'api::survey-response.survey-response': 'read',
      'api::synonym.synonym': 'read',
      'plugin::unit-submissions.submission': 'read',
    },
    conditions: {},
  },
  director: {
    plugins: [
      'plugin::annual-report.read',
      'plugin::feedback-register.read',
      'plugin::feedback-register.read-all',
      'plugin::oversight.dashboard',
      'plugin::oversight.escalations',
      'plugin::unit-submissions.read',
      'plugin::unit-submissions.read-all',
      'plugin::upload.assets.download',
      'plugin::upload.read',
    ],
    contentManager: {
      'api::article.article': 'read',
      'api::campaign.campaign': 'read',
      'api::feedback.feedback': 'read',
      'api::holiday.holiday': 'read',
      'api::legal-document.legal-document': 'read',
      'api::organization.organization': 'read',
      'api::plan-task.plan-task': 'read',
      'api::plan.plan': 'read',
      'api::procedure-field.procedure-field': 'read',
      'api::procedure.procedure': 'read',
      'api::survey-response.survey-response': 'read',
      'api::unit.unit': 'read',
      'plugin::unit-submissions.submission': 'read',
    },
    conditions: {},
  },
  'unit-editor': {
    plugins: [
      'plugin::feedback-register.answer',
      'plugin::feedback-register.read',
      'plugin::oversight.unit',
      'plugin::unit-submissions.read',
      'plugin::unit-submissions.submit',
      'plugin::upload.assets.create',
      'plugin::upload.assets.download admin::is-creator',
      'plugin::upload.assets.update admin::is-creator',
      'plugin::upload.read admin::is-creator',
    ],
    contentManager: {
      'api::article.article': 'create read update',
      'plugin::unit-submissions.submission': 'create read update',
      'api::campaign.campaign': 'read',
      'api::holiday.holiday': 'read',
      'api::legal-document.legal-document': 'read',
      'api::organization.organization': 'read',
      'api::plan-task.plan-task': 'read',
      'api::plan.plan': 'read',
      'api::procedure-field.procedure-field': 'read',
      'api::procedure.procedure': 'read',
      'api::unit.unit': 'read',
    },
    conditions: {
      'create api::article.article': 'plugin::unit-submissions.in-my-units',
      'create plugin::unit-submissions.submission': 'plugin::unit-submissions.in-my-units',
      'read api::article.article': 'plugin::unit-submissions.in-my-units',
      'read api::unit.unit': 'plugin::unit-submissions.is-my-unit',
      'read plugin::unit-submissions.submission': 'plugin::unit-submissions.in-my-units',
      'update api::article.article': 'plugin::unit-submissions.in-my-units',
      'update plugin::unit-submissions.submission': 'plugin::unit-submissions.in-my-units',
    },
  },
};

const CM = 'plugin::content-manager.explorer.';

async function permissionsOf(code: string): Promise<RolePermissions> {
  const role = await app
    .strapi()
    .db.query('admin::role')
    .findOne({ where: { code }, populate: ['permissions'] });
  const result: RolePermissions = { plugins: [], contentManager: {}, conditions: {} };
  const actions: Record<string, string[]> = {};
  for (const { action, subject, conditions } of role.permissions as {
    action: string;
    subject: string | null;
    conditions: string[] | null;
  }[]) {
    if (!action.startsWith(CM)) {
      result.plugins.push([action, ...(conditions ?? [])].join(' '));
      continue;
    }
    const short = action.slice(CM.length);
    (actions[subject!] ??= []).push(short);
    if (conditions?.length) result.conditions[`${short} ${subject}`] = conditions.join(' ');
  }
  result.plugins.sort();
  for (const [subject, list] of Object.entries(actions))
    result.contentManager[subject] = list.sort().join(' ');
  return result;
}

describe('the product admin roles', () => {
  it.each(Object.keys(EXPECTED))('%s has the same permissions as before issue 14', async (code) => {
    expect(await permissionsOf(code)).toEqual(EXPECTED[code]);
  });
});
