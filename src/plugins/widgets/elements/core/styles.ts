import { css, unsafeCSS } from 'lit';
import {
  cleanTheme,
  THEME_DEFAULTS,
  THEME_KEYS,
  themeDeclarations,
  type ThemeKey,
} from '../../server/src/domain/theme';

// The CMS writes the theme from its Website widgets settings here when it serves the bundle.
const SERVER_THEME: string = '__TTHC_SERVER_THEME__';

function serverTheme(): string {
  try {
    return SERVER_THEME.startsWith('{') ? themeDeclarations(cleanTheme(JSON.parse(SERVER_THEME))) : '';
  } catch {
    return '';
  }
}

/** A theme setting: what the page or the settings set, else the default. */
const themed = (key: ThemeKey) => unsafeCSS(`var(${THEME_KEYS[key]}, ${THEME_DEFAULTS[key]})`);

/**
 * Every element's base: its box is reset against the host page's CSS (`all: initial` and `!important` on the host,
 * which the page's own `* { … !important }` cannot beat from outside the shadow root), then themed.
 */
export const baseStyles = [
  css`
    :host {
      ${unsafeCSS(serverTheme())}
    }
  `,
  css`
    :host {
      all: initial !important;
      display: block !important;
      box-sizing: border-box !important;
      font-family: ${themed('font')} !important;
      font-size: var(--tthc-font-size, 16px) !important;
      line-height: 1.5 !important;
      color: ${themed('text')} !important;
      background: ${themed('background')} !important;
      max-width: 100% !important;
      overflow-wrap: anywhere;
      --_primary: ${themed('primary')};
      --_on-primary: var(--tthc-color-on-primary, #ffffff);
      --_text: ${themed('text')};
      --_muted: var(--tthc-color-muted, #4d5560);
      --_bg: ${themed('background')};
      --_surface: var(--tthc-color-surface, #f2f4f7);
      --_border: var(--tthc-color-border, #6b7480);
      --_error: var(--tthc-color-error, #b3261e);
      --_success: var(--tthc-color-success, #1d6b34);
      --_focus: var(--tthc-color-focus, #ffbf00);
      --_radius: ${themed('radius')};
    }
    :host([hidden]) {
      display: none !important;
    }
    *,
    *::before,
    *::after {
      box-sizing: border-box;
    }
    h2,
    h3,
    h4,
    p,
    ul,
    ol,
    dl,
    fieldset,
    figure {
      margin: 0 0 0.75em;
    }
    h2 {
      font-size: 1.375em;
      line-height: 1.3;
    }
    h3 {
      font-size: 1.125em;
      line-height: 1.3;
    }
    a {
      color: var(--_primary);
      text-decoration: underline;
      text-underline-offset: 0.15em;
    }
    :focus-visible,
    .focus-target:focus {
      outline: 3px solid var(--_text);
      outline-offset: 0;
      box-shadow: 0 0 0 6px var(--_focus);
    }
    label,
    legend {
      display: block;
      font-weight: 600;
      margin-bottom: 0.25em;
    }
    .hint {
      display: block;
      color: var(--_muted);
      font-size: 0.9375em;
      margin-bottom: 0.25em;
    }
    input[type='text'],
    input[type='search'],
    input[type='email'],
    input[type='tel'],
    select,
    textarea {
      display: block;
      width: 100%;
      font: inherit;
      color: var(--_text);
      background: var(--_bg);
      border: 2px solid var(--_border);
      border-radius: var(--_radius);
      padding: 0.5em 0.625em;
      min-height: 2.75em;
    }
    textarea {
      min-height: 8em;
      resize: vertical;
    }
    [aria-invalid='true'] {
      border-color: var(--_error) !important;
    }
    button,
    .button {
      display: inline-flex;
      align-items: center;
      justify-content: center;
      gap: 0.4em;
      font: inherit;
      font-weight: 600;
      min-height: 2.75em;
      padding: 0.5em 1em;
      border: 2px solid var(--_primary);
      border-radius: var(--_radius);
      background: var(--_primary);
      color: var(--_on-primary);
      cursor: pointer;
      text-decoration: none;
    }
    button.secondary {
      background: var(--_bg);
      color: var(--_primary);
    }
    button[disabled] {
      opacity: 0.6;
      cursor: not-allowed;
    }
    .field {
      margin-bottom: 1em;
    }
    .field-error {
      display: block;
      color: var(--_error);
      font-weight: 600;
      margin-bottom: 0.25em;
    }
    .error-summary {
      border: 3px solid var(--_error);
      border-radius: var(--_radius);
      padding: 0.75em 1em;
      margin-bottom: 1em;
    }
    .error-summary h2,
    .error-summary h3 {
      margin-top: 0;
    }
    .error-summary a {
      color: var(--_error);
      font-weight: 600;
    }
    .notice {
      background: var(--_surface);
      border-left: 5px solid var(--_primary);
      padding: 0.75em 1em;
      margin-bottom: 1em;
    }
    .muted {
      color: var(--_muted);
    }
    .pre-line {
      white-space: pre-line;
    }
    .row {
      display: flex;
      flex-wrap: wrap;
      gap: 0.5em;
      align-items: flex-end;
    }
    .row > .grow {
      flex: 1 1 12em;
      min-width: 0;
    }
    .vh {
      position: absolute !important;
      width: 1px !important;
      height: 1px !important;
      margin: 0 !important;
      padding: 0 !important;
      overflow: hidden !important;
      clip: rect(0 0 0 0) !important;
      clip-path: inset(50%) !important;
      border: 0 !important;
      white-space: nowrap !important;
    }
    .pager {
      display: flex;
      flex-wrap: wrap;
      gap: 0.5em;
      align-items: center;
      margin-top: 1em;
    }
    .spinner {
      display: inline-block;
      width: 1em;
      height: 1em;
      border: 3px solid var(--_surface);
      border-top-color: var(--_primary);
      border-radius: 50%;
      animation: spin 0.8s linear infinite;
    }
    @keyframes spin {
      to {
        transform: rotate(360deg);
      }
    }
    @media (prefers-reduced-motion: reduce) {
      .spinner {
        animation: none;
      }
    }
    @media print {
      button,
      .no-print {
        display: none !important;
      }
    }
  `,
];
