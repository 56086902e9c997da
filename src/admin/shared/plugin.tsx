import * as React from 'react';
import { Page, type StrapiApp } from '@strapi/strapi/admin';
import { Route, Routes } from 'react-router-dom';

type MenuLink = Parameters<StrapiApp['addMenuLink']>[0];

/** A page of a plugin: `path` under /admin/plugins/<id>, none for its first page. */
export interface PluginRoute {
  path?: string;
  element: React.ReactElement;
}

export interface PluginPagesProps {
  /** Any of them opens the plugin (a list of permissions means any). */
  permissions: MenuLink['permissions'];
  routes: PluginRoute[];
  /** Around every page, e.g. the plugin's options (optionsContext). */
  provider?: React.ComponentType<{ children: React.ReactNode }>;
}

/**
 * A plugin's pages (its `App`): guarded by its permissions, inside its provider; an unknown path is the error page.
 */
export function pluginPages({ permissions, routes, provider: Provider }: PluginPagesProps) {
  return function PluginPages() {
    const pages = (
      <Routes>
        {routes.map(({ path, element }) =>
          path ? <Route key={path} path={path} element={element} /> : <Route key="" index element={element} />
        )}
        <Route path="*" element={<Page.Error />} />
      </Routes>
    );
    return (
      <Page.Protect permissions={permissions}>{Provider ? <Provider>{pages}</Provider> : pages}</Page.Protect>
    );
  };
}

/** The pages of a register of records: its list first, then `<records>/new` and `<records>/:documentId`. */
export const registerRoutes = (
  records: string,
  { List, New, Detail }: Record<'List' | 'New' | 'Detail', React.ComponentType>
): PluginRoute[] => [
  { element: <List /> },
  { path: `${records}/new`, element: <New /> },
  { path: `${records}/:documentId`, element: <Detail /> },
];

/**
 * Registers a plugin with its entry in the main menu (labelled by its message `plugin.name`, whose Vietnamese is
 * `name`) leading to its pages, `Component`.
 */
export function addPlugin(
  app: StrapiApp,
  {
    id,
    name,
    icon,
    permissions,
    Component,
  }: Pick<MenuLink, 'icon' | 'permissions' | 'Component'> & {
    id: string;
    name: string;
  }
) {
  app.addMenuLink({
    to: `plugins/${id}`,
    icon,
    intlLabel: { id: `${id}.plugin.name`, defaultMessage: name },
    permissions,
    Component,
  });
  app.registerPlugin({ id, name });
}
