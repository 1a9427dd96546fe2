// ESLint configuration (`npm run lint`): Next.js's recommended rules with its TypeScript rules.
import nextVitals from 'eslint-config-next/core-web-vitals';
import nextTypescript from 'eslint-config-next/typescript';

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
    // Playwright fixtures take an empty destructuring pattern by convention.
    files: ['tests/e2e/**'],
    rules: { 'no-empty-pattern': 'off', 'react-hooks/rules-of-hooks': 'off' },
  },
];

export default config;
