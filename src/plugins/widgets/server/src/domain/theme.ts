/**
 * The theme: CSS custom properties that a host page sets on the element (or any ancestor), over the theme the IT
 * Center chose in the admin, over the defaults here. docs/WIDGETS.md lists them. The defaults pass WCAG 2.1 AA
 * contrast on white.
 */

/** A theme setting, as the admin stores it and an iframe's `theme=` passes it. */
export const THEME_KEYS = {
  primary: '--tthc-color-primary',
  text: '--tthc-color-text',
  background: '--tthc-color-background',
  font: '--tthc-font',
  radius: '--tthc-radius',
} as const;
export type ThemeKey = keyof typeof THEME_KEYS;
export type Theme = Partial<Record<ThemeKey, string>>;

/** The widgets' own look where neither the page nor the settings set one: the elements' styles and the admin's hints. */
export const THEME_DEFAULTS: Readonly<Record<ThemeKey, string>> = {
  primary: '#0b5cad',
  text: '#1b1b1f',
  background: '#ffffff',
  font: "'Segoe UI', Roboto, 'Noto Sans', 'Helvetica Neue', Arial, sans-serif",
  radius: '6px',
};

const COLOUR = /^#[0-9a-f]{6}$/i;
const FONT = /^[\p{L}\p{N} ,'"-]{1,120}$/u;
const RADIUS = /^(\d{1,2})(px)?$/;

/** A value kept only when it is one of the shapes a theme takes: nothing else reaches a stylesheet. */
export function themeValue(key: ThemeKey, value: string): string | null {
  const text = value.trim();
  if (key === 'font') return FONT.test(text) ? text : null;
  if (key === 'radius') {
    const match = RADIUS.exec(text);
    return match && Number(match[1]) <= 32 ? `${match[1]}px` : null;
  }
  return COLOUR.test(text) ? text.toLowerCase() : null;
}

/** The valid entries of a theme. */
export function cleanTheme(theme: Record<string, unknown> | null | undefined): Theme {
  const clean: Theme = {};
  for (const key of Object.keys(THEME_KEYS) as ThemeKey[]) {
    const value = theme?.[key];
    if (typeof value !== 'string') continue;
    const valid = themeValue(key, value);
    if (valid) clean[key] = valid;
  }
  return clean;
}

/** `:host` declarations for a theme (the element's own level, under what the page sets). */
export const themeDeclarations = (theme: Theme): string =>
  (Object.keys(theme) as ThemeKey[]).map((key) => `${THEME_KEYS[key]}:${theme[key]};`).join('');
