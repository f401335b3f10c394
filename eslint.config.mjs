import nx from '@nx/eslint-plugin';
import tseslint from 'typescript-eslint';

import importOrder from './tools/lint/import-order.cjs';

/**
 * Module boundaries (ARCHITECTURE.md section 2), on two axes:
 *  - type: an app may use platform libraries and any domain's contracts, never
 *    another app; contracts use only the framework-free contract kit.
 *  - runtime: framework-free libraries (contracts, contract kit) may not import
 *    NestJS or an ORM, so any Node process can consume a domain's contracts.
 */
const depConstraints = [
  { sourceTag: 'type:app', onlyDependOnLibsWithTags: ['type:platform', 'type:contracts'] },
  // Together with the runtime rule below: the framework-free platform library, the contract kit.
  { sourceTag: 'type:contracts', onlyDependOnLibsWithTags: ['type:platform'] },
  { sourceTag: 'type:platform', onlyDependOnLibsWithTags: ['type:platform'] },
  {
    sourceTag: 'runtime:framework-free',
    onlyDependOnLibsWithTags: ['runtime:framework-free'],
    bannedExternalImports: ['@nestjs/*', 'typeorm', 'mongoose', 'ioredis', 'bullmq'],
  },
  { sourceTag: 'type:tool', onlyDependOnLibsWithTags: ['*'] },
];

export default [
  ...nx.configs['flat/base'],
  ...nx.configs['flat/typescript'],
  ...nx.configs['flat/javascript'],
  { ignores: ['**/dist', '**/node_modules', '**/.mesh', '**/bin', '**/coverage', '**/tmp'] },
  {
    files: ['**/*.ts'],
    rules: {
      '@nx/enforce-module-boundaries': [
        'error',
        {
          enforceBuildableLibDependency: true,
          allow: [],
          depConstraints,
        },
      ],
    },
  },
  {
    files: ['**/*.ts'],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { arguments: false } }],
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // Small files with one job, and functions that read as named steps. Blank lines and comments
    // do not count: explaining why is never what makes a file too long.
    files: ['**/*.ts'],
    plugins: importOrder.plugins,
    rules: {
      'max-lines': ['error', { max: 300, skipBlankLines: true, skipComments: true }],
      'max-lines-per-function': ['error', { max: 60, skipBlankLines: true, skipComments: true, IIFEs: true }],
      ...importOrder.rules,
    },
  },
  {
    // A spec's describe() holds its tests: its length is the number of cases, not a function's.
    files: ['**/*.spec.ts', '**/*.int-spec.ts'],
    rules: { 'max-lines-per-function': 'off' },
  },
  {
    files: ['**/*.js', '**/*.mjs', '**/*.cjs'],
    ...tseslint.configs.disableTypeChecked,
  },
];
