import type { OrderResponse } from '@mesh/orders-contracts';
import { ConflictError, RuleViolationError } from '@mesh/service';

import type { CustomerReplica } from '../customer-replica/customer-replica';
import type { IdempotencyKey } from '../idempotency/idempotency-key';
import type { IdempotencyKeyStore } from '../idempotency/idempotency-key-store';
import { requestFingerprint } from '../idempotency/request-fingerprint';
import type { Order } from '../orders/order';
import type { CustomerAdmission, KeyToClaim, OrderStore, Placement } from '../orders/order-store';
import { PlaceOrderService } from './place-order.service';

const customerId = '0190f5b1-1111-7cc1-9a55-3f6f0c1d2e3a';
const request = { customerId, currency: 'EUR', items: [{ sku: 'A', quantity: 2, unitPrice: 100 }] };
const active: CustomerReplica = { customerId, status: 'active', revision: 1, country: 'GB', changedAt: new Date() };
const firstResponse = { id: 'the first order' } as OrderResponse;
const keyOfRequest = (response: OrderResponse | null): IdempotencyKey => ({
  key: 'k',
  requestHash: requestFingerprint(request),
  response,
});

interface Stores {
  placement?: Placement;
  customer?: CustomerReplica | null;
  committedKey?: IdempotencyKey | null;
}

/** The service on stores that answer as told, recording what it asked to place. */
function placeOrderWith({ placement = { placed: true }, customer = active, committedKey = null }: Stores) {
  const placed: Array<{ order: Order; key?: KeyToClaim }> = [];
  const orders: Pick<OrderStore, 'place'> = {
    place: async (order: Order, admit: CustomerAdmission, key?: KeyToClaim) => {
      admit(order.customerId, customer);
      placed.push({ order, key });
      return placement;
    },
  };
  const keys: Pick<IdempotencyKeyStore, 'find'> = { find: async () => committedKey };
  return { service: new PlaceOrderService(orders as OrderStore, keys as IdempotencyKeyStore), placed };
}

describe('PlaceOrderService on its store ports', () => {
  it('places a new order with its key, the request fingerprint and the response a retry gets', async () => {
    const { service, placed } = placeOrderWith({});
    const { order, replayed } = await service.place(request, 'k');
    expect(replayed).toBe(false);
    expect(order).toMatchObject({ customerId, status: 'placed', total: 200 });
    expect(placed).toEqual([{ order: expect.objectContaining({ id: order.id }), key: keyOfRequest(order) }]);
  });

  it('replays the response of a key committed before, placing nothing', async () => {
    const { service, placed } = placeOrderWith({ committedKey: keyOfRequest(firstResponse) });
    expect(await service.place(request, 'k')).toEqual({ order: firstResponse, replayed: true });
    expect(placed).toEqual([]);
  });

  it('refuses a key committed before for another request (422), placing nothing', async () => {
    const { service, placed } = placeOrderWith({ committedKey: { ...keyOfRequest(firstResponse), requestHash: 'x' } });
    await expect(service.place(request, 'k')).rejects.toThrow(RuleViolationError);
    expect(placed).toEqual([]);
  });

  it('answers as the concurrent request that claimed the key first', async () => {
    const { service } = placeOrderWith({ placement: { placed: false, keyHolder: keyOfRequest(firstResponse) } });
    expect(await service.place(request, 'k')).toEqual({ order: firstResponse, replayed: true });
  });

  it('answers 409 when the key was claimed but its holder is gone', async () => {
    const { service } = placeOrderWith({ placement: { placed: false, keyHolder: null } });
    await expect(service.place(request, 'k')).rejects.toThrow(
      new ConflictError('a request with Idempotency-Key "k" is still in flight; retry later'),
    );
  });

  it('lets the replica refuse an unknown customer, with or without a key (422)', async () => {
    const { service, placed } = placeOrderWith({ customer: null });
    for (const key of [undefined, 'k']) {
      await expect(service.place(request, key)).rejects.toThrow(
        new RuleViolationError(`customer ${customerId} is unknown: no registration of it has reached the orders service`),
      );
    }
    expect(placed).toEqual([]);
  });
});
