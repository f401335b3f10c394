import { deadLetterFields, readGroups, redrive, streamKeys } from '@mesh/messaging';
import type { Redis } from 'ioredis';

export type Print = (line: string) => void;

export const usage = `usage: npm run mesh -- <command>
  redrive <stream> <group> [limit]   send a group's dead letters back to that group only
  dead-letters <stream> <group>      list a group's dead letters with their reasons
  groups <stream>                    list the consumer groups of a stream with lag and pending`;

export async function runCommand(redis: Redis, args: string[], print: Print): Promise<void> {
  const [command, stream, group, limit] = args;
  if (command === 'redrive' && stream && group) {
    const { redriven } = await redrive(redis, stream, group, limit ? Number(limit) : Infinity);
    print(`redrove ${redriven} dead letter(s) of ${group} on ${stream} to ${streamKeys.redrive(stream, group)}`);
    return;
  }
  if (command === 'dead-letters' && stream && group) {
    const entries = (await redis.xrange(streamKeys.deadLetter(stream, group), '-', '+')) as Array<[string, string[]]>;
    for (const [, fields] of entries) {
      const value = (name: string) => fields[fields.indexOf(name) + 1];
      print(`${value('id')} ${value('type')} ×${value(deadLetterFields.deliveries)}: ${value(deadLetterFields.reason)}`);
    }
    print(`${entries.length} dead letter(s)`);
    return;
  }
  if (command === 'groups' && stream) {
    const groups = await readGroups(redis, streamKeys.source(stream));
    if (groups.length === 0) print(`${stream} has no consumer groups (or does not exist)`);
    for (const info of groups) {
      print(`${info.name}: lag ${info.lag ?? 'unknown'}, pending ${info.pending}, consumers ${info.consumers}`);
    }
    return;
  }
  throw new UsageError(usage);
}

export class UsageError extends Error {
  override readonly name = 'UsageError';
}
