import * as React from 'react';
import type { Api, ImportState, ImportView } from './api';

/** How often an applying import is asked for its progress. */
const POLL_MS = 1000;

/**
 * Asks the server, every second, for the imports that are applying, and hands each answer to `onUpdate`, until
 * none is applying. The state is the server's, so a reloaded page finds an import still applying and goes on.
 */
export function usePollApplying(
  api: Api,
  imports: readonly { id: string; state: ImportState }[] | null | undefined,
  onUpdate: (view: ImportView) => void
) {
  const latest = React.useRef(onUpdate);
  // eslint-disable-next-line react-hooks/refs -- latest-value ref (React 18 has no useEffectEvent)
  latest.current = onUpdate;
  const applying = (imports ?? [])
    .filter((item) => item.state === 'applying')
    .map((item) => item.id)
    .join(',');

  React.useEffect(() => {
    if (!applying) return;
    let live = true;
    let timer: ReturnType<typeof setTimeout>;
    // The next round waits for this one: a slow answer never piles requests up.
    const round = async () => {
      const views = await Promise.all(applying.split(',').map((id) => api.getImport(id).catch(() => null)));
      if (!live) return;
      for (const view of views) if (view) latest.current(view);
      timer = setTimeout(round, POLL_MS);
    };
    timer = setTimeout(round, POLL_MS);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [api, applying]);
}
