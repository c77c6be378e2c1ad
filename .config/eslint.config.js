// ESLint flat config. It lives in .config/ because the top level of the repository is
// reserved; package.json runs eslint with `-c .config/eslint.config.js`, and patterns
// below are relative to the repository root (ESLint's base path when -c is used).
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const NETWORK_GLOBALS = ['fetch', 'XMLHttpRequest', 'WebSocket', 'EventSource'].map((name) => ({
  name,
  message: 'Only src/sync, src/sw and src/server talk to the network.',
}));
const NETWORK_PROPERTIES = ['window', 'globalThis', 'self'].map((object) => ({
  object,
  property: 'fetch',
  message: 'Only src/sync, src/sw and src/server talk to the network.',
}));
const DEXIE_ONLY_IN_DB = {
  name: 'dexie',
  message: 'Only src/db imports Dexie; use a repository from src/db.',
};

/** Import direction: domain ← db ← sync ← ui, and domain ← server. */
const boundaries = [
  {
    files: ['src/**/*.{ts,tsx}'],
    ignores: ['src/db/**'],
    rules: { 'no-restricted-imports': ['error', { paths: [DEXIE_ONLY_IN_DB] }] },
  },
  {
    files: ['src/domain/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '^(?!zod(/mini)?$|\\./)',
              message: 'src/domain is pure: it imports only zod and its own files.',
            },
          ],
        },
      ],
      'no-restricted-globals': [
        'error',
        ...NETWORK_GLOBALS,
        {
          name: 'crypto',
          message: 'Pass randomness in as an argument: src/domain is deterministic.',
        },
        { name: 'localStorage', message: 'src/domain does not store anything.' },
        { name: 'indexedDB', message: 'src/domain does not store anything.' },
      ],
      'no-restricted-properties': [
        'error',
        { object: 'Date', property: 'now', message: 'Pass `now` in as an argument.' },
        { object: 'Math', property: 'random', message: 'Pass randomness in as an argument.' },
      ],
      'no-restricted-syntax': [
        'error',
        {
          selector: 'NewExpression[callee.name="Date"][arguments.length=0]',
          message: 'Pass `now` in as an argument: src/domain is deterministic.',
        },
      ],
    },
  },
  {
    // A folder inside the domain (results/) may use the domain files one level up.
    files: ['src/domain/*/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '^(?!zod(/mini)?$|\\./|\\.\\./[^./][^/]*$)',
              message: 'src/domain is pure: it imports only zod and its own files.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/db/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '^\\.\\./(sync|ui|server|sw)(/|$)',
              message: 'src/db may import only src/domain.',
            },
          ],
        },
      ],
      'no-restricted-globals': ['error', ...NETWORK_GLOBALS],
      'no-restricted-properties': ['error', ...NETWORK_PROPERTIES],
    },
  },
  {
    files: ['src/sync/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [DEXIE_ONLY_IN_DB],
          patterns: [
            {
              regex: '^\\.\\./(ui|server|sw)(/|$)',
              message: 'src/sync may import src/domain and src/db.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/ui/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [DEXIE_ONLY_IN_DB],
          patterns: [
            {
              regex: '^\\.\\./(server|sw)(/|$)',
              message: 'src/ui never imports the server or the service worker.',
            },
          ],
        },
      ],
      'no-restricted-globals': ['error', ...NETWORK_GLOBALS],
      'no-restricted-properties': ['error', ...NETWORK_PROPERTIES],
    },
  },
  {
    files: ['src/sw/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '^(?!workbox-)',
              message: 'The service worker imports nothing from the app: only workbox-* packages.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/server/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [DEXIE_ONLY_IN_DB],
          patterns: [
            {
              regex: '^(\\.\\./)+(db|sync|ui|sw)(/|$)',
              message: 'src/server may import only src/domain.',
            },
          ],
        },
      ],
    },
  },
];

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'data/**',
      'coverage/**',
      'node_modules/**',
      'test/lint/fixtures/**',
      'test/bench/results/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.strictTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: process.cwd() },
      globals: { ...globals.browser, ...globals.node },
    },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      'no-console': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      // `const { field: _field, ...rest } = record` drops a field without mutating.
      '@typescript-eslint/no-unused-vars': [
        'error',
        { varsIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
      '@typescript-eslint/no-confusing-void-expression': 'off',
      '@typescript-eslint/no-unnecessary-condition': [
        'error',
        { allowConstantLoopConditions: true },
      ],
    },
  },
  {
    files: ['**/*.js'],
    ...tseslint.configs.disableTypeChecked,
  },
  {
    // Entry points and tools may print; everything else returns values or throws.
    files: ['src/server/main.ts', 'src/tools/**', 'test/bench/**', 'test/support/**'],
    rules: { 'no-console': 'off' },
  },
  {
    files: ['test/**'],
    rules: {
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
  ...boundaries,
);
