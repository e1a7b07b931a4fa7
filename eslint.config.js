// Lint for bugs, not style: formatting and taste are nobody's business here (decision 072).
import js from '@eslint/js'
import tseslint from 'typescript-eslint'
import reactHooks from 'eslint-plugin-react-hooks'
import jsxA11y from 'eslint-plugin-jsx-a11y'
import globals from 'globals'

export default tseslint.config(
  { ignores: ['build/', 'app/generated/', '.react-router/', '.data/', 'test-results/', 'playwright-report/'] },
  {
    files: ['**/*.{ts,tsx}'],
    extends: [js.configs.recommended, ...tseslint.configs.recommended],
    languageOptions: {
      globals: { ...globals.node, ...globals.browser },
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    plugins: { 'react-hooks': reactHooks, 'jsx-a11y': jsxA11y },
    rules: {
      // A forgotten await loses errors and escapes transactions.
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { attributes: false } }],
      '@typescript-eslint/await-thenable': 'error',
      // Every member of an outcome union handled.
      '@typescript-eslint/switch-exhaustiveness-check': ['error', { considerDefaultExhaustiveForUnions: true }],
      // "[object File]", "undefined", "null" inside emails, CSVs, SQL or log lines.
      '@typescript-eslint/no-base-to-string': 'error',
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true, allowBoolean: true, allowNullish: false }],
      // Only Errors are thrown, except React Router's responses (redirect(), data(), Response.json()).
      '@typescript-eslint/only-throw-error': ['error', {
        allow: [{ from: 'lib', name: 'Response' }, { from: 'package', package: 'react-router', name: 'DataWithResponseInit' }],
      }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', ignoreRestSiblings: true }],
      '@typescript-eslint/no-deprecated': 'error',
      eqeqeq: ['error', 'smart'],
      'no-self-compare': 'error',
      'no-template-curly-in-string': 'error',
      'no-control-regex': 'off', // the input sanitisers strip control characters on purpose
      // React Router's AppLoadContext is extended by module augmentation, which needs an interface.
      '@typescript-eslint/no-empty-object-type': ['error', { allowInterfaces: 'with-single-extends' }],
      ...reactHooks.configs.recommended.rules,
      ...jsxA11y.flatConfigs.recommended.rules,
    },
  },
  // Rows from raw SQL are parsed at the boundary (decision 070): app code reads them through sql.rows.
  {
    files: ['app/**/*.{ts,tsx}', 'server/**/*.ts'],
    ignores: ['app/lib/sql.server.ts', 'app/lib/health.server.ts', '**/*.test.ts', '**/*.test.tsx', 'app/testing/**', 'app/**/testing.server.ts'],
    rules: {
      'no-restricted-syntax': ['error', {
        selector: "MemberExpression[property.name=/^[$]queryRaw(Unsafe)?$/]",
        message: 'Read rows through sql.rows(shape) from ~/lib/sql.server, so a renamed column fails loudly (decision 070).',
      }],
    },
  },
  // Tests may use `any` for fixtures.
  { files: ['**/*.test.ts', '**/*.test.tsx', 'e2e/**', 'app/testing/**', 'app/**/testing.server.ts'], rules: { '@typescript-eslint/no-explicit-any': 'off' } },
)
