import fs from 'node:fs';
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

// Layers (docs/ARCHITECTURE.md, "Layers and import names"): a domain module is plain TypeScript. It imports no
// Strapi, no infra and no utils, and a plugin's domain imports no other plugin. Both the short names (#infra/…)
// and relative paths are caught.
const plugins = fs
  .readdirSync(new URL('./src/plugins/', import.meta.url), { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name);
const noStrapi = { regex: '^@strapi/', message: 'A domain module imports no Strapi: pass what it needs in.' };
const noInfraUtils = {
  regex: '^#(infra|utils)(/|$)|^\\.{1,2}/(.*/)?(infra|utils)(/|$)',
  message:
    'A domain module imports no infra and no utils: they depend on the domain, not the other way round.',
};
const noPlugin = (names) => ({
  regex: `^#(${names.join('|')})(/|$)|^(\\.\\./)+(plugins/)?(${names.join('|')})/`,
  message:
    "A domain module imports no plugin's code (a plugin's domain may use only its own and the core domain).",
});
const domainLayers = [
  {
    files: ['src/domain/**/*.ts'],
    ignores: ['**/__tests__/**'],
    rules: { 'no-restricted-imports': ['error', { patterns: [noStrapi, noInfraUtils, noPlugin(plugins)] }] },
  },
  ...plugins.map((plugin) => ({
    files: [`src/plugins/${plugin}/server/src/domain/**/*.ts`],
    ignores: ['**/__tests__/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [noStrapi, noInfraUtils, noPlugin(plugins.filter((other) => other !== plugin))] },
      ],
    },
  })),
];

// infra (database, files, jobs) and utils (HTTP and Strapi glue, no database) sit side by side: neither imports
// the other, so each can be read alone.
const besideLayer = (other) => ({
  regex: `^#${other}(/|$)|^\\.\\./(.*/)?${other}(/|$)`,
  message: `infra and utils import neither each other: move what both need to the layer it belongs to (${other} is the other one).`,
});
const sideLayers = [
  ['infra', 'utils'],
  ['utils', 'infra'],
].map(([layer, other]) => ({
  files: [`src/${layer}/**/*.ts`],
  ignores: ['**/__tests__/**'],
  rules: { 'no-restricted-imports': ['error', { patterns: [besideLayer(other)] }] },
}));

// React's hook rules (the recommended set, all as errors) for the admin.
const hookRules = Object.fromEntries(
  Object.keys(reactHooks.configs.flat.recommended.rules).map((rule) => [rule, 'error'])
);

export default tseslint.config(
  {
    ignores: [
      'dist/',
      'build/',
      '.tmp/',
      '.strapi/',
      '.cache/',
      'node_modules/',
      'types/generated/',
      'public/',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['**/*.js'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['src/admin/**/*.{ts,tsx}', 'src/plugins/*/admin/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: hookRules,
  },
  ...domainLayers,
  ...sideLayers,
  {
    files: ['**/__tests__/**', 'tests/**'],
    languageOptions: { globals: { ...globals.jest } },
  },
  prettier
);
