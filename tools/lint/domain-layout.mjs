// One domain layout (docs/ARCHITECTURE.md section 2), for a domain's own eslint.config.mjs: a
// domain speaks to its store only from src/store/ (the adapters behind its store ports and the
// module binding them), src/database/ (the connection), src/migrations/ and src/config/. Use
// cases, consumers and controllers see the ports, so they read the same whichever store the
// domain chose. Tests may look at the store directly. Patterns are relative to the domain's folder.
const STORE_PACKAGES = ['typeorm', 'mongoose', 'mongodb', 'pg', '@nestjs/typeorm', '@nestjs/mongoose'];

export default [
  {
    files: ['src/**/*.ts'],
    ignores: ['src/{store,database,migrations,config}/**', '**/*.spec.ts', '**/*.int-spec.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: STORE_PACKAGES.map((name) => ({
            name,
            message: 'a domain reaches its store through a store port; adapters live in src/store/',
          })),
        },
      ],
    },
  },
];
