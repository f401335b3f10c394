import { Redis } from 'ioredis';

import { runCommand, UsageError } from './commands';
import { meshEnv } from './mesh-env';

async function main(): Promise<number> {
  const url = meshEnv('REDIS_URL');
  if (!url) {
    console.error('REDIS_URL is not set: run `npm run infra:up` or export REDIS_URL');
    return 2;
  }
  const redis = new Redis(url, { maxRetriesPerRequest: 2 });
  try {
    await runCommand(redis, process.argv.slice(2), (line) => console.log(line));
    return 0;
  } catch (error) {
    console.error(error instanceof UsageError ? error.message : `mesh: ${(error as Error).message}`);
    return error instanceof UsageError ? 2 : 1;
  } finally {
    redis.disconnect();
  }
}

void main().then((code) => process.exit(code));
