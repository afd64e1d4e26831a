// npm run lint: typescript-eslint's recommended rules on our code and tests.
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['node_modules/', 'dist/', 'test/fixtures/', '**/.cache/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: globals.node },
    rules: {
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      '@typescript-eslint/no-unused-expressions': ['error', { allowShortCircuit: true, allowTernary: true }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      // Text cleaning matches control characters on purpose.
      'no-control-regex': 'off',
    },
  },
  {
    // Pages' own scripts: plain browser JavaScript.
    files: ['scripts/dev/client/**/*.js', 'templates/site/js/**/*.js'],
    languageOptions: { sourceType: 'script', globals: { ...globals.browser, MiniSearch: 'readonly' } },
  },
);
