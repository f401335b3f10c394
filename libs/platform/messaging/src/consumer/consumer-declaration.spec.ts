import { createEvent, defineEvent } from '@mesh/contract-kit';
import { z } from 'zod';

import { defineConsumer } from './consumer-declaration';
import { inputPortMismatches } from './input-port-check';

const itemCounted = defineEvent({
  type: 'shop.item.counted',
  version: 1,
  source: '/shop',
  description: 'An item was counted.',
  schema: z.object({ itemId: z.string(), amount: z.int() }),
  example: { itemId: 'a', amount: 1 },
});
const itemNoted = defineEvent({
  type: 'shop.item.noted',
  version: 1,
  source: '/shop',
  description: 'A note about an item.',
  schema: z.object({ itemId: z.string(), note: z.string() }),
  example: { itemId: 'a', note: 'n' },
});
const parcelSent = defineEvent({
  type: 'post.parcel.sent',
  version: 1,
  source: '/post',
  description: 'A parcel left.',
  schema: z.object({ parcelId: z.string() }),
  example: { parcelId: 'p' },
});

const settings = { group: 'tally', startFrom: 'beginning', orderBySubject: true } as const;

/** Totals per item: the target the routes write to. */
const tallyConsumer = defineConsumer<Map<string, number>>(
  { ...settings, reads: [itemCounted, itemNoted, parcelSent] },
  (on) => [
    on(itemCounted, (totals, { itemId, amount }) => void totals.set(itemId, (totals.get(itemId) ?? 0) + amount)),
    on(parcelSent, (totals, { parcelId }) => void totals.set(parcelId, -1)),
  ],
);

describe('defineConsumer', () => {
  it("runs the route of the event's type with the target and the event's data", async () => {
    const totals = new Map<string, number>();
    const counted = createEvent(itemCounted, { subject: 'a', data: { itemId: 'a', amount: 3 } });
    await tallyConsumer.dispatch(totals, counted);
    await tallyConsumer.dispatch(totals, counted);
    expect(totals).toEqual(new Map([['a', 6]]));
  });

  it('handles the routed types only, reads the streams that carry them and validates with every contract read', () => {
    expect(
      ['shop.item.counted', 'shop.item.noted', 'post.parcel.sent'].map((type) => tallyConsumer.handles(type)),
    ).toEqual([true, false, true]);
    expect(tallyConsumer.streams).toEqual(['shop.item.v1', 'post.parcel.v1']);
    expect(tallyConsumer.catalog.types()).toEqual(['shop.item.counted', 'shop.item.noted', 'post.parcel.sent']);
    expect(tallyConsumer.inputs).toEqual([
      { stream: 'shop.item.v1', group: 'tally', eventTypes: ['shop.item.counted'] },
      { stream: 'post.parcel.v1', group: 'tally', eventTypes: ['post.parcel.sent'] },
    ]);
  });

  it('refuses to dispatch a type without a route', async () => {
    const noted = createEvent(itemNoted, { subject: 'a', data: { itemId: 'a', note: 'n' } });
    await expect(tallyConsumer.dispatch(new Map(), noted)).rejects.toThrow(
      'consumer tally has no route for shop.item.noted',
    );
  });

  it('refuses a route for a contract it does not read, and two routes for one type', () => {
    expect(() =>
      defineConsumer({ ...settings, reads: [itemNoted] }, (on) => [on(itemCounted, () => undefined)]),
    ).toThrow(
      'consumer tally: shop.item.counted (urn:mesh:schema:shop.item.counted:v1) has a route but is not among the contracts it reads',
    );
    expect(() =>
      defineConsumer({ ...settings, reads: [itemCounted] }, (on) => [
        on(itemCounted, () => undefined),
        on(itemCounted, () => undefined),
      ]),
    ).toThrow('consumer tally: shop.item.counted has two routes');
  });
});

describe('inputPortMismatches', () => {
  const port = (stream: string, eventTypes: string[]) => ({
    stream,
    group: 'tally',
    eventTypes,
    from: 'x',
    key: stream,
    description: '',
  });

  it('finds nothing when the manifest declares what the consumer handles', () => {
    const manifest = {
      domain: 'tally',
      inputPorts: [port('shop.item.v1', ['shop.item.counted']), port('post.parcel.v1', ['post.parcel.sent'])],
    };
    expect(inputPortMismatches(manifest, tallyConsumer.inputs)).toEqual([]);
  });

  it('names each stream, group and event type on which they disagree', () => {
    const manifest = {
      domain: 'tally',
      inputPorts: [port('shop.item.v1', ['shop.item.noted']), port('shop.order.v1', ['shop.order.placed'])],
    };
    expect(inputPortMismatches(manifest, tallyConsumer.inputs)).toEqual([
      'shop.item.v1 (group tally): handled but not in the manifest: shop.item.counted',
      'shop.item.v1 (group tally): in the manifest but not handled: shop.item.noted',
      'post.parcel.v1 (group tally) is consumed but the tally manifest declares no input port for it',
      'shop.order.v1 (group tally) is an input port of the manifest but no consumer reads it',
    ]);
  });
});
