// Loads the store URLs that `npm run infra:up` wrote to .mesh/env, so that
// `nx test <project>` works on its own after infra:up. Variables already set in
// the environment win: that is how a developer points tests at other servers.
const { existsSync, readFileSync } = require('node:fs');
const { join } = require('node:path');

const envFile = join(__dirname, '..', '..', '.mesh', 'env');

if (existsSync(envFile)) {
  for (const line of readFileSync(envFile, 'utf8').split('\n')) {
    const match = /^([A-Z0-9_]+)=(.*)$/.exec(line.trim());
    if (match && process.env[match[1]] === undefined) {
      process.env[match[1]] = match[2];
    }
  }
}
