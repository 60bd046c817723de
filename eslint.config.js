// Lint, including the layer rules (after VS Code's code-layering and Signal's file-suffix rules):
//   shared/    pure TypeScript: no Node built-ins, no DOM-only libraries, no React, no Electron
//   renderer/  React: no Node built-ins, no Electron, no main-process code
//   electron/  only the files listed in electronEntryFiles may import 'electron'
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import { builtinModules } from 'node:module';

const nodeBuiltins = [...builtinModules, ...builtinModules.map((m) => `node:${m}`)];

/** The only files in electron/ allowed to import Electron: start-up, window, preload, IPC, menu, protocol, dialogs. */
export const electronEntryFiles = [
  'electron/main/main.ts',
  'electron/main/window.ts',
  'electron/main/preload.ts',
  'electron/main/ipc-register.ts',
  'electron/main/menu.ts',
  'electron/main/protocol.ts',
  'electron/main/dialogs.ts',
  'electron/main/notifications.ts',
];

const electronBan = {
  name: 'electron',
  message: 'Only the entry files listed in eslint.config.js may import Electron; pass what you need as a parameter.',
};

export default tseslint.config(
  { ignores: ['dist/**', 'dist-electron/**', 'dist-cli/**', 'release/**', 'node_modules/**', 'test/artefacts/**', 'test/fixtures/lint/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2023, sourceType: 'module', globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-console': 'off',
    },
  },
  {
    files: ['shared/**/*.{ts,tsx}'],
    languageOptions: { globals: {} },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            ...nodeBuiltins.map((name) => ({ name, message: 'shared/ is pure TypeScript: no Node built-ins.' })),
            { name: 'electron', message: 'shared/ must not import Electron.' },
            { name: 'react', message: 'shared/ must not import React.' },
            { name: 'react-dom', message: 'shared/ must not import React.' },
            { name: 'better-sqlite3', message: 'shared/ must not touch the database.' },
          ],
          patterns: [
            { group: ['**/electron/**', '**/renderer/**'], message: 'shared/ must not import from electron/ or renderer/.' },
            { group: ['react-dom/*', 'node:*'], message: 'shared/ is pure TypeScript.' },
          ],
        },
      ],
      'no-restricted-globals': ['error', 'window', 'document', 'process', 'require', 'Buffer', '__dirname'],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': [
        'error',
        {
          paths: [
            ...nodeBuiltins.map((name) => ({ name, message: 'The renderer never sees Node: call the typed API.' })),
            { name: 'electron', message: 'The renderer never imports Electron: call the typed API on window.custodian.' },
            { name: 'better-sqlite3', message: 'The renderer never touches the database: call the typed API.' },
          ],
          patterns: [{ group: ['**/electron/**', 'node:*'], message: 'The renderer only talks through the typed API.' }],
        },
      ],
      'no-restricted-globals': ['error', 'process', 'require', 'Buffer', '__dirname'],
    },
  },
  {
    files: ['electron/**/*.ts'],
    ignores: electronEntryFiles,
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: [electronBan], patterns: [{ group: ['**/renderer/**'], message: 'electron/ must not import the UI.' }] },
      ],
    },
  },
  {
    files: ['test/**/*.ts', 'bench/**/*.ts', 'scripts/**/*.{js,mjs,ts}'],
    rules: {
      'no-restricted-imports': ['error', { paths: [electronBan] }],
    },
  },
);
