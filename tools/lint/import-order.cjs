// The workspace's order of imports and exports, in one place: eslint.config.mjs applies it to
// every TypeScript file, and the domain generator to the files it writes (whose module paths hold
// the new domain's name, so a template cannot be in order for every name).
const simpleImportSort = require('eslint-plugin-simple-import-sort');

module.exports = {
  plugins: { 'simple-import-sort': simpleImportSort },
  rules: {
    // Packages (node: built-ins among them, alphabetically), then the workspace's relative files.
    'simple-import-sort/imports': ['error', { groups: [['^\\u0000'], ['^(node:|@?\\w)'], ['^'], ['^\\.']] }],
    'simple-import-sort/exports': 'error',
  },
};
