import { useMemo } from 'react';
import { useFetchClient } from '@strapi/strapi/admin';
import { useIntl } from 'react-intl';

/** The admin session's fetch client (Strapi's useFetchClient). */
export type FetchClient = ReturnType<typeof useFetchClient>;

/** The headers of every call: the UI language, for the server's messages. */
export type ApiHeaders = Record<'Accept-Language', string>;

/**
 * A plugin's admin API (its `useApi`): `build` makes the calls with the admin session's client and the UI language's
 * headers. They are made again when the language changes, or `also` does (what else `build` reads).
 */
export function usePluginApi<A>(build: (client: FetchClient, headers: ApiHeaders) => A, also?: unknown): A {
  const { get, post, put, del } = useFetchClient();
  const { locale } = useIntl();
  return useMemo(
    () => build({ get, post, put, del }, { 'Accept-Language': locale }),
    // `build` is written inline by each plugin, new on every render: the client, the language and `also` say when it
    // means something new.
    // eslint-disable-next-line react-hooks/exhaustive-deps -- deliberate: `build` changes on every render
    [get, post, put, del, locale, also]
  );
}
