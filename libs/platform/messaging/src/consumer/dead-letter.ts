import type { RedisClient } from '@mesh/service';

import { streamKeys } from '../streams/stream-keys';
import type { Delivery } from './delivery';

/** Fields a dead letter carries besides the original entry's own. */
export const deadLetterFields = {
  reason: 'deadletter.reason',
  error: 'deadletter.error',
  stack: 'deadletter.stack',
  deliveries: 'deadletter.deliveries',
  stream: 'deadletter.stream',
  entryId: 'deadletter.entry',
  group: 'deadletter.group',
  at: 'deadletter.at',
} as const;

const stackLines = 6;

/**
 * Moves an entry to the group's dead-letter stream and acknowledges it in one MULTI: it is
 * never both pending and dead, nor neither. A redriven entry is also deleted from the redrive
 * stream, which only this group reads.
 */
export async function moveToDeadLetter(
  redis: RedisClient,
  group: string,
  delivery: Delivery,
  reason: string,
  error?: Error,
): Promise<void> {
  const annotations = [
    deadLetterFields.reason,
    reason,
    deadLetterFields.error,
    error?.message ?? reason,
    deadLetterFields.stack,
    error?.stack?.split('\n').slice(0, stackLines).join('\n') ?? '',
    deadLetterFields.deliveries,
    String(delivery.deliveryCount),
    deadLetterFields.stream,
    delivery.stream,
    deadLetterFields.entryId,
    delivery.entryId,
    deadLetterFields.group,
    group,
    deadLetterFields.at,
    new Date().toISOString(),
  ];
  const original = withoutAnnotations(delivery.fields);
  const transaction = redis
    .multi()
    .xadd(streamKeys.deadLetter(delivery.stream, group), '*', ...original, ...annotations)
    .xack(delivery.key, group, delivery.entryId);
  if (delivery.key === streamKeys.redrive(delivery.stream, group)) {
    transaction.xdel(delivery.key, delivery.entryId);
  }
  const replies = await transaction.exec();
  const failure = replies?.find(([replyError]) => replyError)?.[0];
  if (!replies || failure) {
    throw new Error(`moving ${delivery.stream} ${delivery.entryId} to the dead-letter stream of ${group} failed`, {
      cause: failure ?? undefined,
    });
  }
}

/** The entry's own fields, without annotations from an earlier trip through the dead-letter stream. */
export function withoutAnnotations(fields: string[]): string[] {
  const kept: string[] = [];
  for (let index = 0; index + 1 < fields.length; index += 2) {
    if (!fields[index].startsWith('deadletter.')) kept.push(fields[index], fields[index + 1]);
  }
  return kept;
}
