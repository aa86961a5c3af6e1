// One lint for the whole repository: typescript-eslint's recommended rules everywhere,
// the rules of hooks (with React's compiler checks) on the screens. `npm run lint` runs
// with --max-warnings 0 inside `npm test`, so a warning fails the build like an error.
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', '.tmp/**', 'coverage/**', 'data/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
    },
  },
  {
    files: ['client/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    ...reactHooks.configs.flat.recommended,
  },
  {
    // shared/index re-exports the whole engine and every zod schema; a value imported through
    // it puts all of that into the importing screen's chunk (the gallery needs neither).
    // Types are free: they vanish at build time.
    files: ['client/**/*.{ts,tsx}'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        { patterns: [{ regex: '(^|/)shared/index$', allowTypeImports: true, message: 'Import values from the shared module that defines them, not shared/index (bundle size per route).' }] },
      ],
    },
  },
  {
    // The server tests' client (test/server/helpers.ts) holds whatever view its role is sent
    // (chair, member, public…) and hands it to tests that know which role they connected as;
    // typing it per role would put a cast at each of its ~90 reads in 12 test files. The acks are typed
    // (LooseAck from shared/protocol.ts); only this one file reads views untyped.
    files: ['test/server/helpers.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
);
