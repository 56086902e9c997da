import { factories, type Core } from '@strapi/strapi';
import { DEFAULT_SYNONYMS } from '#domain/default-synonyms';
import { checkSynonymPhrases, prepareSynonyms, type PreparedSynonyms } from '#domain/search-query';

const UID = 'api::synonym.synonym';

/**
 * The search's synonym list, as editors keep it in the Content Manager. Every write to it raises its search version
 * (src/infra/content-events.ts), which searches read: an edit applies at once on its node, within a second on others.
 */
const synonymService = ({ strapi }: { strapi: Core.Strapi }) => {
  let cached: { version: number; synonyms: PreparedSynonyms } | null = null;

  return {
    /** The list as of `version` (searchVersions), read again when it has changed. */
    async prepared(version: number): Promise<PreparedSynonyms> {
      if (cached?.version === version) return cached.synonyms;
      const entries = (await strapi.db.query(UID).findMany({ select: ['phrases'] })) as { phrases: string }[];
      const groups = entries.flatMap(({ phrases }) => {
        const checked = checkSynonymPhrases(phrases);
        return checked.ok ? [checked.value] : [];
      });
      cached = { version, synonyms: prepareSynonyms(groups) };
      return cached.synonyms;
    },

    /** A new database starts with the shipped list, once: what editors delete later stays deleted. */
    async seed() {
      const store = strapi.store({ type: 'app', name: 'synonyms' });
      if (await store.get({ key: 'seeded' })) return;
      if ((await strapi.db.query(UID).count()) === 0) {
        for (const group of DEFAULT_SYNONYMS)
          await strapi.documents(UID).create({ data: { phrases: group.join('\n') } as never });
      }
      await store.set({ key: 'seeded', value: true });
    },
  };
};

export default factories.createCoreService(UID, synonymService);

export type SynonymService = ReturnType<typeof synonymService>;

/** The synonym service, typed. */
export const synonyms = (strapi: Core.Strapi) => strapi.service(UID) as unknown as SynonymService;
