import { deadLetterFields, streamKeys } from '@mesh/messaging';
import type { RedisTarget } from '@mesh/service';

import { groupsOf, withRedis } from '../../../kit/src/stream-groups';
import type { PoisonEvent } from '../scenario/faults/poison-events';

export interface DeadLetterFinding {
  poison: PoisonEvent;
  group: string;
  /** `deadletter.reason` of the entry, or undefined when the group's dead-letter stream lacks it. */
  reason?: string;
}

/** For each poison event and each consumer group of its stream: the dead letter that group wrote for it. */
export async function findDeadLetters(redis: RedisTarget, poisons: readonly PoisonEvent[]): Promise<DeadLetterFinding[]> {
  const findings: DeadLetterFinding[] = [];
  for (const poison of poisons) {
    const groups = await groupsOf(redis, poison.stream);
    for (const { name } of groups) {
      const entries = await withRedis(redis, (redis) =>
        redis.xrange(streamKeys.deadLetter(poison.stream, name), '-', '+'),
      );
      const fields = entries.map(([, values]) => toMap(values)).find((values) => values.get('id') === poison.id);
      findings.push({ poison, group: name, reason: fields?.get(deadLetterFields.reason) });
    }
  }
  return findings;
}

function toMap(values: string[]): Map<string, string> {
  const map = new Map<string, string>();
  for (let index = 0; index + 1 < values.length; index += 2) map.set(values[index], values[index + 1]);
  return map;
}
