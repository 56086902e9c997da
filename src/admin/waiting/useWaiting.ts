import * as React from 'react';
import { isFetchError, useAuth, useFetchClient } from '@strapi/strapi/admin';
import { WAITING_PLUGINS, waitingLines, type WaitingItem, type WaitingPlugin } from './lines';

export interface WaitingAnswer {
  plugin: WaitingPlugin;
  items: WaitingItem[];
}

export type WaitingState =
  | { status: 'loading' }
  | { status: 'error' }
  | { status: 'ready'; answers: WaitingAnswer[] };

/** How long one answer serves every reader (the home widget and the three menu badges) before it is asked again. */
const FRESH_MS = 60_000;

type Get = ReturnType<typeof useFetchClient>['get'];

interface Shared {
  /** Whose answer it is: another login starts afresh. */
  user: unknown;
  at: number;
  state: WaitingState;
  promise: Promise<void> | null;
}

/**
 * One shared answer per page: the widget and the menu badges read the same `GET /waiting` of each plugin, asked at
 * most once a minute (the widget asks afresh when it opens), and again when the window regains focus after that.
 */
const fresh = (user: unknown): Shared => ({ user, at: 0, state: { status: 'loading' }, promise: null });
let current = fresh(null);
const readers = new Set<(state: WaitingState) => void>();

const publish = (state: WaitingState) => {
  current.state = state;
  readers.forEach((reader) => reader(state));
};

async function askAll(get: Get): Promise<WaitingAnswer[]> {
  const ask = async (plugin: WaitingPlugin) => {
    try {
      const { data } = await get<{ data: { items: WaitingItem[] } }>(`/${plugin}/waiting`);
      return { plugin, items: data.data.items };
    } catch (error) {
      // A plugin the user's role does not have answers 403: nothing waits there.
      if (isFetchError(error) && error.status === 403) return { plugin, items: [] };
      throw error;
    }
  };
  return Promise.all(WAITING_PLUGINS.map(ask));
}

function refresh(get: Get, user: unknown, maxAge: number) {
  if (current.user !== user) {
    current = fresh(user);
    publish(current.state);
  }
  if (current.promise || Date.now() - current.at < maxAge) return;
  const asked = current;
  asked.at = Date.now();
  asked.promise = askAll(get)
    .then(
      (answers): WaitingState => ({ status: 'ready', answers }),
      (): WaitingState => ({ status: 'error' })
    )
    // An answer for a user who has since logged out is dropped.
    .then((state) => {
      if (asked === current) publish(state);
    })
    .finally(() => {
      asked.promise = null;
    });
}

/** `maxAge` 0 asks again now (the home widget, opened after work was done elsewhere). */
export function useWaiting({ maxAge = FRESH_MS } = {}): WaitingState {
  const { get } = useFetchClient();
  const user = useAuth('useWaiting', (auth) => auth.user?.id);
  const [state, setState] = React.useState<WaitingState>(current.state);

  React.useEffect(() => {
    readers.add(setState);
    refresh(get, user, maxAge);
    // eslint-disable-next-line react-hooks/set-state-in-effect -- syncs state from its input; moving it changes render timing
    setState(current.state);
    const onFocus = () => refresh(get, user, FRESH_MS);
    window.addEventListener('focus', onFocus);
    return () => {
      readers.delete(setState);
      window.removeEventListener('focus', onFocus);
    };
  }, [get, user, maxAge]);

  return state;
}

/** How many items wait for this user in one plugin: the sum of the lines the widget shows for it. */
export const waitingCount = (state: WaitingState, plugin: WaitingPlugin) =>
  state.status === 'ready'
    ? waitingLines(
        state.answers.filter((answer) => answer.plugin === plugin),
        null
      ).reduce((sum, line) => sum + line.item.count, 0)
    : 0;
