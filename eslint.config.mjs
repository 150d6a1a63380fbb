// npm run lint: what a reader trips over that the compiler allows. Formatting is prettier's (npm run format:check).
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/**', 'generated/**', 'node_modules/**', 'coverage/**', '.venv/**'] },
  {
    files: ['**/*.ts', '**/*.mjs'],
    languageOptions: { parser: tseslint.parser },
    plugins: { '@typescript-eslint': tseslint.plugin },
    linterOptions: { reportUnusedDisableDirectives: 'off' },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none', ignoreRestSiblings: true },
      ],
      '@typescript-eslint/no-shadow': 'error',
    },
  },
  {
    // Lines of at most 120 characters (what prettier cannot break: long strings, comments); one-letter names only as
    // the parameters of tiny (expression-bodied) lambdas, e.g. `(a) => a.name`.
    files: ['src/**/*.ts', 'scripts/**/*.ts'],
    rules: {
      'max-len': ['error', { code: 120, ignoreUrls: true }],
      'no-restricted-syntax': [
        'error',
        ...[
          'VariableDeclarator > Identifier.id',
          ':function[body.type="BlockStatement"] > Identifier.params',
          ':function[body.type="BlockStatement"] > AssignmentPattern > Identifier.left',
          'FunctionDeclaration > Identifier.id',
          'CatchClause > Identifier.param',
        ].map((at) => ({
          selector: `${at}[name=/^[A-Za-z_$]$/]`,
          message: 'a one-letter name: name what it holds (one-letter names only in expression-bodied lambdas)',
        })),
      ],
    },
  },
);
