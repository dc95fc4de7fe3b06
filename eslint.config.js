// ESLint: typescript-eslint's recommended type-checked rules on the TypeScript sources, tests and
// examples; the recommended JavaScript rules on the benchmarks and the codegen plugin.
import js from '@eslint/js';
import globals from 'globals';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'dist-cjs/**',
      'packages/*/dist/**',
      'packages/*/dist-cjs/**',
      '.tmp-consumer-*/**',
      'node_modules/**',
      'src/generated/**',
      'coverage/**',
      'docs/api/**',
    ],
  },
  {
    files: ['**/*.ts', '**/*.tsx'],
    extends: [js.configs.recommended, ...tseslint.configs.recommendedTypeChecked],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // Prettier wraps code at 120; what it cannot wrap (messages, patterns) may run longer, comments may not.
      'max-len': [
        'error',
        { code: 120, ignoreStrings: true, ignoreTemplateLiterals: true, ignoreRegExpLiterals: true, ignoreUrls: true },
      ],
    },
  },
  // The rules of hooks on the React runtime, the console's app and the React tests and examples.
  {
    files: ['src/react/**', 'src/console/**', 'test/react/**', 'examples/**/*.tsx'],
    ...reactHooks.configs.flat.recommended,
  },
  {
    files: ['**/*.mjs', '**/*.js'],
    extends: [js.configs.recommended],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    files: ['**/*.cjs'],
    extends: [js.configs.recommended],
    languageOptions: { sourceType: 'commonjs', globals: { ...globals.node } },
  },
);
