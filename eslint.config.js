import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'schemas/', '.bench/', 'tests/artifacts/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly' } },
    rules: {
      'no-eval': 'error',
      'no-new-func': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  {
    // Each spec parses its flags into a typed value once (cli/options.ts): commands never cast.
    files: ['src/cli/**/*.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: 'TSAsExpression > MemberExpression[object.name=/^(options|opts|flags)$/]',
          message: 'parse the flag in its spec (cli/options.ts) instead of casting it here',
        },
        {
          selector: "TSAsExpression > CallExpression[callee.property.name='opts']",
          message: 'parse the flags in the spec (cli/options.ts) instead of casting opts()',
        },
      ],
    },
  },
);
