import { Redis } from 'ioredis';

import { runCommand, UsageError } from './commands';
import { offlineCommands } from './offline-commands';
import { cliRedisOptions, cliRedisUrl } from './redis-url';

const print = (line: string) => console.log(line);

async function main(): Promise<number> {
  const args = process.argv.slice(2);
  try {
    const offline = offlineCommands[args[0] ?? ''];
    if (offline) {
      await offline.run(args.slice(1), print);
      return 0;
    }
    return await runStreamCommand(args);
  } catch (error) {
    if (error instanceof UsageError) {
      console.error(`${error.message}\n${Object.values(offlineCommands).map((command) => `  ${command.usage}`).join('\n')}`);
      return 2;
    }
    console.error(`mesh: ${(error as Error).message}`);
    return 1;
  }
}

async function runStreamCommand(args: string[]): Promise<number> {
  const url = cliRedisUrl();
  if (!url) {
    console.error('REDIS_URL is not set: run `npm run infra:up` or export REDIS_URL');
    return 2;
  }
  const redis = new Redis(url, cliRedisOptions());
  try {
    await runCommand(redis, args, print);
    return 0;
  } finally {
    redis.disconnect();
  }
}

void main().then((code) => process.exit(code));
