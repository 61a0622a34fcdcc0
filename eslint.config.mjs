// Lint: the recommended JavaScript and TypeScript rules; formatting is Prettier's job.
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['node_modules/', 'dist/', 'coverage/', 'data/', '.scratch*'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.jest } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  // The embedded server runs mingo only through its own operator context (linear-time regexes, no scripts).
  {
    files: ['src/mongo-embedded/**/*.ts'],
    ignores: ['src/mongo-embedded/query/mingo.context.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { regex: '^mingo(/|$)', message: 'Import from query/mingo.context, which runs regexes in linear time.' },
          ],
        },
      ],
    },
  },
  // The launchers are plain CommonJS scripts.
  { files: ['bin/**/*.js'], rules: { '@typescript-eslint/no-require-imports': 'off' } },
  // Tests read GraphQL responses, untyped JSON, field by field.
  { files: ['test/**/*.ts'], rules: { '@typescript-eslint/no-explicit-any': 'off' } },
);
