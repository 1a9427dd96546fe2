// ESLint configuration (`npm run lint`): Next.js's recommended rules with its TypeScript rules.
import nextVitals from 'eslint-config-next/core-web-vitals';
import nextTypescript from 'eslint-config-next/typescript';

/** Relative imports that climb into one of these top-level folders, e.g. `../../server/db`. */
const climbingInto = (...folders) => `^(\\.{1,2}/)+(${folders.join('|')})(/|$)`;

/** Outside model/, the model is imported through its alias (`@model/manuscript/countWords`). */
const MODEL_BY_ALIAS = {
  regex: climbingInto('model'),
  message: 'Import the model through its alias, @model/… (see tsconfig.json), not a relative path.',
};

/** model/ is shared by the browser and the server: it reaches into neither, nor into React or Next.js. */
const MODEL_STAYS_PURE = [
  {
    regex: climbingInto('components', 'server', 'app'),
    message: 'model/ is shared by the browser and the server: it may not import components/, server/ or app/. Move what both sides need into model/.',
  },
  {
    regex: '^(react|react-dom|next|@tiptap/react)(/|$)',
    message: 'model/ has no React or Next.js: keep components in components/.',
  },
  {
    regex: '^(node:|(fs|path|os|crypto|child_process|net|http|ws)(/|$))',
    message: 'model/ runs in the browser too: no Node built-ins or sockets.',
  },
];

/** Request validation belongs to the server's route handlers; in the browser it would only add weight. */
const NO_SERVER_VALIDATION = {
  regex: '^zod(/|$)',
  message: 'zod validates requests on the server: keep it out of code the browser loads (model/, components/).',
};

/** components/ runs in the browser: what it needs from the server side (types, shared values) lives in model/. */
const COMPONENTS_WITHOUT_SERVER = {
  regex: climbingInto('server'),
  message: 'components/ may not import server/: move the shared type or value into model/ and import it from @model/….',
};

const config = [
  ...nextVitals,
  ...nextTypescript,
  {
    ignores: ['.next/**', 'node_modules/**', 'server/generated/**', 'test-results/**', '.data/**', 'next-env.d.ts', '.stryker-tmp/**', 'reports/**'],
  },
  {
    rules: {
      // Unused values are errors, except deliberately ignored ones named with a leading underscore.
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // Folder boundaries. Each block names every pattern that applies to its files: a later block
    // replaces an earlier one's options for the same rule.
    files: ['**/*.{ts,tsx,js,mjs}'],
    rules: { 'no-restricted-imports': ['error', { patterns: [MODEL_BY_ALIAS] }] },
  },
  {
    files: ['model/**'],
    rules: { 'no-restricted-imports': ['error', { patterns: [...MODEL_STAYS_PURE, NO_SERVER_VALIDATION] }] },
  },
  {
    files: ['components/**'],
    rules: { 'no-restricted-imports': ['error', { patterns: [MODEL_BY_ALIAS, COMPONENTS_WITHOUT_SERVER, NO_SERVER_VALIDATION] }] },
  },
  {
    // Playwright fixtures take an empty destructuring pattern by convention.
    files: ['tests/e2e/**'],
    rules: { 'no-empty-pattern': 'off', 'react-hooks/rules-of-hooks': 'off' },
  },
];

export default config;
