// Lint for the whole workspace. Module boundaries are a real constraint table (docs: style.md §2.4):
// every project carries one scope:* and one type:* tag.
import nx from '@nx/eslint-plugin';
import tseslint from 'typescript-eslint';
import prettier from 'eslint-config-prettier';

const nodeBuiltins = [
  'fs',
  'fs/promises',
  'path',
  'http',
  'https',
  'http2',
  'net',
  'os',
  'child_process',
  'stream',
  'stream/promises',
  'zlib',
  'url',
  'util',
  'events',
  'worker_threads',
  'dns',
  'tls',
  'process',
  'timers',
  'timers/promises',
  'readline',
  'cluster',
  'dgram',
  'perf_hooks',
  'async_hooks',
  'vm',
];
// Pure libraries import no framework, HTTP, ORM or node built-in other than crypto (hashing is pure).
const pureBanned = [
  '@nestjs/*',
  '@angular/*',
  'typeorm',
  'pg',
  'pg-boss',
  '@apollo/*',
  'rxjs',
  'graphql',
  'express',
  ...nodeBuiltins,
  ...nodeBuiltins.map((m) => `node:${m}`),
];

const depConstraints = (extraForSpecs = []) => [
  { sourceTag: 'type:app', onlyDependOnLibsWithTags: ['type:client', 'type:pure', 'type:contracts'] },
  { sourceTag: 'type:client', onlyDependOnLibsWithTags: [...extraForSpecs] },
  { sourceTag: 'type:pure', onlyDependOnLibsWithTags: ['type:pure', 'type:contracts', 'type:client'] },
  { sourceTag: 'type:contracts', onlyDependOnLibsWithTags: [] },
  {
    sourceTag: 'type:tool',
    onlyDependOnLibsWithTags: ['type:client', 'type:contracts', 'type:pure', 'type:tool'],
  },
  { sourceTag: 'type:cli', onlyDependOnLibsWithTags: ['type:pure', 'type:contracts', 'type:client'] },
  {
    sourceTag: 'type:bench',
    onlyDependOnLibsWithTags: ['type:app', 'type:client', 'type:pure', 'type:contracts', 'type:tool'],
  },
  { sourceTag: 'type:pure', bannedExternalImports: pureBanned },
  { sourceTag: 'type:contracts', bannedExternalImports: pureBanned },
  { sourceTag: 'type:client', bannedExternalImports: ['@nestjs/*', '@angular/*', 'typeorm', 'pg-boss'] },
  {
    sourceTag: 'scope:console',
    bannedExternalImports: ['@nestjs/*', 'typeorm', 'class-validator', 'pg-boss'],
  },
];

export default [
  ...nx.configs['flat/base'],
  ...nx.configs['flat/typescript'],
  { ignores: ['**/dist', '**/node_modules', '**/tmp', '**/.nx', '**/coverage', '**/*.js', '**/*.mjs'] },
  {
    files: ['**/*.ts'],
    rules: {
      '@nx/enforce-module-boundaries': [
        'error',
        { enforceBuildableLibDependency: true, allow: [], depConstraints: depConstraints() },
      ],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'error',
      'no-console': 'off',
    },
  },
  {
    // Specs of the clients and the engine may start the simulators on loopback.
    files: ['**/*.spec.ts', '**/test/**/*.ts', '**/testing.ts', '**/testing/**/*.ts'],
    rules: {
      '@nx/enforce-module-boundaries': [
        'error',
        {
          enforceBuildableLibDependency: true,
          allow: [],
          depConstraints: depConstraints(['type:tool']).map((c) =>
            c.onlyDependOnLibsWithTags && (c.sourceTag === 'type:app' || c.sourceTag === 'type:pure')
              ? { ...c, onlyDependOnLibsWithTags: [...c.onlyDependOnLibsWithTags, 'type:tool'] }
              : c,
          ),
        },
      ],
    },
  },
  {
    // The benchmarks run the engine's pipeline without Nest: tools/bench may import apps/engine sources (by
    // relative path, which the Nx rule otherwise refuses for apps). Everything else keeps the normal table.
    files: ['tools/bench/**/*.ts'],
    rules: {
      '@nx/enforce-module-boundaries': [
        'error',
        {
          enforceBuildableLibDependency: true,
          allow: ['^(\\.\\./)+apps/engine/src/'],
          depConstraints: depConstraints(),
        },
      ],
    },
  },
  {
    // Pure libraries: types, and only types, may cross from the clients' model entry points.
    files: ['libs/mapping/**/*.ts', 'libs/case-aggregation/**/*.ts', 'libs/contracts/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['@wiztc/wiz-client', '@wiztc/wiz-client/*', '@wiztc/tc-client', '@wiztc/tc-client/*'],
              allowTypeImports: true,
              message: 'Pure libraries may import only types from the clients (@wiztc/*/model).',
            },
            {
              group: pureBanned,
              message: 'Pure libraries import no framework, HTTP, ORM or node built-in other than crypto.',
            },
          ],
        },
      ],
    },
  },
  prettier,
];
