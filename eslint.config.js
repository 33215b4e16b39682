import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['**/dist/**', '**/node_modules/**', 'data/**', '.tmp/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['server/**/*.ts', 'survey-definitions/**/*.ts', 'tests/**/*.ts', 'scripts/**/*.{ts,js,mjs}', '*.{js,ts}'],
    languageOptions: { globals: globals.node },
  },
  {
    files: ['client/**/*.{ts,tsx}'],
    languageOptions: { globals: globals.browser },
    plugins: { 'react-hooks': reactHooks },
    rules: reactHooks.configs.recommended.rules,
  },
  {
    // The public questionnaire must stay small: it never pulls in admin code, and no zod at run time
    // (types from the shared schemas are fine: they are erased).
    files: ['client/src/questionnaire/**', 'client/src/lib/**', 'client/src/receipt/**', 'client/src/print/**'],
    ignores: ['**/*.test.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['**/admin/**'], message: 'The public questionnaire never loads admin code.' },
            {
              group: ['zod', 'zod/*', '@sipas/survey-definitions/schema', '@sipas/server/api/*'],
              allowTypeImports: true,
              message: 'Runtime zod would break the questionnaire bundle budget: import types only.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['client/src/admin/**'],
    rules: { 'no-restricted-imports': ['error', { patterns: ['**/questionnaire/**'] }] },
  },
  {
    // Domain logic stays pure: no framework, database or Node I/O in these folders.
    files: [
      'server/src/scoring/**',
      'survey-definitions/src/answers.ts',
      'survey-definitions/src/definition.schema.ts',
      'survey-definitions/src/definition.constants.ts',
    ],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: ['fastify', 'kysely', 'pg', 'node:*', '@electric-sql/*', '@fastify/*'] },
      ],
    },
  },
);
