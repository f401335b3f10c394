import { createEvent, encodeStreamEntry, type EventContract, type StreamEntryFields } from '@mesh/contract-kit';
import { CUSTOMER_STREAM, customerRegistered } from '@mesh/customers-contracts';
import { streamKeys } from '@mesh/messaging';
import { ORDER_STREAM, orderPlaced } from '@mesh/orders-contracts';
import type { RedisTarget } from '@mesh/service';
import { randomUUID } from 'node:crypto';

import { withRedis } from '../../../../kit/src/stream-groups';

/** An event whose envelope is right and whose data breaks its contract. */
export interface PoisonEvent {
  stream: string;
  type: string;
  id: string;
  /** Stream entry id it got. */
  entryId: string;
  broken: string;
}

/**
 * The entry fields of a well-formed envelope of `contract` whose `data` is replaced by
 * `brokenData`: what a buggy or hostile producer could write to the stream.
 */
export function poisonEntry(contract: EventContract, brokenData: unknown): { id: string; fields: StreamEntryFields } {
  const envelope = createEvent(contract, { subject: randomUUID(), data: contract.example });
  const fields = encodeStreamEntry(envelope);
  fields[fields.indexOf('data') + 1] = JSON.stringify(brokenData);
  return { id: envelope.id, fields };
}

/** One poison event on each input stream of the mesh, added straight to the stream as a producer would. */
export async function publishPoisonEvents(target: RedisTarget): Promise<PoisonEvent[]> {
  const poisons = [
    {
      stream: ORDER_STREAM,
      contract: orderPlaced as EventContract,
      broken: 'total is text and there are no lines',
      data: { ...orderPlaced.example, total: 'lots', lines: [] },
    },
    {
      stream: CUSTOMER_STREAM,
      contract: customerRegistered as EventContract,
      broken: 'customerId is no UUID and revision is 0',
      data: { ...customerRegistered.example, customerId: 'nobody', revision: 0 },
    },
  ];
  return withRedis(target, async (redis) => {
    const published: PoisonEvent[] = [];
    for (const poison of poisons) {
      const { id, fields } = poisonEntry(poison.contract, poison.data);
      const entryId = await redis.xadd(streamKeys.source(poison.stream), '*', ...fields);
      if (!entryId) throw new Error(`XADD to ${poison.stream} returned no entry id`);
      published.push({ stream: poison.stream, type: poison.contract.type, id, entryId, broken: poison.broken });
    }
    return published;
  });
}
