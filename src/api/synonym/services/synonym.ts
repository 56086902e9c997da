import { factories, type Core } from '@strapi/strapi';
import { DEFAULT_SYNONYMS } from '#domain/default-synonyms';
import { ms } from '#infra/stored-values';
import { tableNames } from '#infra/table-names';
import { checkSynonymPhrases, prepareSynonyms, type PreparedSynonyms } from '#domain/search-query';

const UID = 'api::synonym.synonym';
const synonymTable = tableNames(UID, { columns: ['id', 'updatedAt'] });

/**
 * The search's synonym list, as editors keep it in the Content Manager. Every search asks the table for its
 * version (row count, last change), one tiny query, so that an edit made on any node applies on every node at once.
 */
const synonymService = ({ strapi }: { strapi: Core.Strapi }) => {
  let cached: { version: string; synonyms: PreparedSynonyms } | null = null;

  return {
    async prepared(): Promise<PreparedSynonyms> {
      const { table, column } = synonymTable(strapi);
      const [row] = await strapi.db
        .connection(table)
        .count({ count: '*' })
        .max({ last: column.id })
        .max({ changed: column.updatedAt });
      const version = `${row.count}:${row.last}:${row.changed === null ? '' : ms(row.changed)}`;
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
