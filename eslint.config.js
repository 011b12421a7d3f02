// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

/** Lint the TypeScript sources, lesson programs, tests and scripts; Astro files are checked by `astro check`. */
export default tseslint.config(
  { ignores: ['dist/', '.astro/', 'node_modules/', 'test-results/', 'playwright-report/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // Lesson programs name their base class `Function` as the book does.
      'no-shadow-restricted-names': 'off',
      '@typescript-eslint/no-unsafe-function-type': 'off',
    },
  },
);
