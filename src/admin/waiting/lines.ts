/**
 * "Waiting for me" in the admin: each plugin's `GET /waiting` answers keys and counts (src/domain/waiting.ts); this
 * module turns a key into its message id and the link to the plugin's list, filtered by the query parameters that
 * list already reads. Pure module.
 */
import type { WaitingItem } from '#domain/waiting';

export type { WaitingItem };

export const WAITING_PLUGINS = ['unit-submissions', 'feedback-register', 'oversight'] as const;
export type WaitingPlugin = (typeof WAITING_PLUGINS)[number];

interface Target {
  /** The list page, under the admin's root. */
  path: string;
  /** Its filters; `assignee: ME` is this user's id. */
  query: Record<string, string>;
  /** The list also filters the overdue ones (the register's `overdue=true`). */
  overdueFilter?: boolean;
}

const ME = ':me';

const submissions = (query: Record<string, string>): Target => ({ path: '/plugins/unit-submissions', query });
const register = (state: string): Target => ({
  path: '/plugins/feedback-register',
  query: { state },
  overdueFilter: true,
});
const difficulties = (state: string): Target => ({
  path: '/plugins/oversight/difficulties',
  query: { state },
});

/** Every key each plugin's route may answer, and where it leads. */
export const TARGETS: Record<WaitingPlugin, Record<string, Target>> = {
  'unit-submissions': {
    changes_requested: submissions({ state: 'changes_requested' }),
    to_review: submissions({ state: 'submitted' }),
    in_review_mine: submissions({ state: 'in_review', assignee: ME }),
  },
  'feedback-register': {
    assigned: register('assigned'),
    to_classify: register('received'),
    to_approve: register('answer_drafted'),
    to_send: register('answer_approved'),
    to_publish: register('answered'),
  },
  oversight: {
    difficulties_open: difficulties('open'),
    difficulties_answered: difficulties('answered'),
    escalated: difficulties('escalated'),
  },
};

/** The message id of a line's label. */
export const labelId = (plugin: WaitingPlugin, key: string) => `waiting.${plugin}.${key}`;

export interface WaitingLine {
  id: string;
  plugin: WaitingPlugin;
  item: WaitingItem;
  labelId: string;
  to: string;
  /** The same list narrowed to the overdue ones, where the list has that filter. */
  overdueTo: string | null;
}

const href = (path: string, query: Record<string, string>) =>
  `${path}?${new URLSearchParams(query).toString()}`;

/**
 * The lines to show: those with something waiting, in the order the routes gave them; a key this admin does not
 * know (a newer server) is left out rather than shown untranslated.
 */
export function waitingLines(
  answers: { plugin: WaitingPlugin; items: WaitingItem[] }[],
  userId: number | string | null | undefined
): WaitingLine[] {
  return answers.flatMap(({ plugin, items }) =>
    items.flatMap((item) => {
      const target = TARGETS[plugin][item.key];
      if (!target || !(item.count > 0)) return [];
      const query = Object.fromEntries(
        Object.entries(target.query).map(([name, value]) => [
          name,
          value === ME ? String(userId ?? '') : value,
        ])
      );
      return [
        {
          id: `${plugin}.${item.key}`,
          plugin,
          item,
          labelId: labelId(plugin, item.key),
          to: href(target.path, query),
          overdueTo:
            target.overdueFilter && item.overdue ? href(target.path, { ...query, overdue: 'true' }) : null,
        },
      ];
    })
  );
}
