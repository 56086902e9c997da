/**
 * The local plugins' RBAC actions as data. Each plugin lists its actions once, in `server/src/config/actions.ts`;
 * from that list come the ids the routes and the admin check (`ACTIONS` in its permissions.ts), their registration
 * at bootstrap, and the plugin actions of the product roles (src/bootstrap/admin-roles.ts).
 */
import type { Core } from '@strapi/strapi';

/** The product's admin roles (src/bootstrap/admin-roles.ts), by code. */
export type RoleCode = 'it-center-editor' | 'office' | 'director' | 'unit-editor';

export interface ActionDefinition {
  /** Registered as `plugin::<plugin id>.<uid>`. */
  uid: string;
  /** Its label in Settings → Roles, in Vietnamese as the staff read it. */
  displayName: string;
  /** The product roles given it when they are created (or upgraded, see ROLES_VERSION); a super admin may change that. */
  roles: readonly RoleCode[];
}

/** A plugin's actions by the key the code uses: `ACTIONS.readAll` is the action whose uid is `read-all`. */
export type ActionTable<K extends string = string> = Record<K, ActionDefinition>;

/** An action as its plugin lists it in config/actions.ts; `actionTable` gives it its uid. */
export type ActionListing = Omit<ActionDefinition, 'uid'>;

/**
 * A plugin's action table from its listing, each action's uid its key in kebab case (`readAll` → `read-all`).
 * The uid is stored in the roles' permissions: renaming a key renames the action.
 */
export const actionTable = <K extends string>(listing: Record<K, ActionListing>): ActionTable<K> =>
  Object.fromEntries(
    Object.entries<ActionListing>(listing).map(([key, action]) => [
      key,
      { uid: key.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`), ...action },
    ])
  ) as ActionTable<K>;

export interface PluginActions {
  pluginId: string;
  actions: ActionTable;
}

export const actionId = (pluginId: string, uid: string) => `plugin::${pluginId}.${uid}`;

/** The action ids by key, for the route guards and the admin's permission checks. */
export function actionIds<K extends string>(pluginId: string, actions: ActionTable<K>): Record<K, string> {
  return Object.fromEntries(
    Object.entries<ActionDefinition>(actions).map(([key, { uid }]) => [key, actionId(pluginId, uid)])
  ) as Record<K, string>;
}

/** What Strapi's action provider registers for a plugin (section `plugins`, grouped under the plugin). */
export const actionRegistrations = ({ pluginId, actions }: PluginActions) =>
  Object.values(actions).map(({ uid, displayName }) => ({
    uid,
    displayName,
    section: 'plugins',
    pluginName: pluginId,
  }));

/** Registers a plugin's actions with the admin's RBAC; called from the plugin's bootstrap. */
export async function registerActions(strapi: Core.Strapi, plugin: PluginActions) {
  await strapi.service('admin::permission').actionProvider.registerMany(actionRegistrations(plugin));
}

/** The ids of the plugins' actions that a product role is given, in the plugins' order. */
export const actionsOfRole = (role: RoleCode, plugins: PluginActions[]): string[] =>
  plugins.flatMap(({ pluginId, actions }) =>
    Object.values(actions)
      .filter(({ roles }) => roles.includes(role))
      .map(({ uid }) => actionId(pluginId, uid))
  );
