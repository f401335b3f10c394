import { decodeStreamEntry, EventCatalog, MalformedEventError } from '@mesh/contract-kit';
import { customerEvents, customerRegistered } from '@mesh/customers-contracts';
import { orderEvents, orderPlaced } from '@mesh/orders-contracts';

import { poisonEntry } from './poison-events';

describe('poisonEntry', () => {
  it('has an envelope every consumer decodes, and data its contract refuses as malformed', () => {
    const { id, fields } = poisonEntry(orderPlaced, { ...orderPlaced.example, total: 'lots' });
    const envelope = decodeStreamEntry(fields);
    expect(envelope).toMatchObject({ id, type: 'orders.order.placed', dataschema: orderPlaced.dataschema });
    expect(() => new EventCatalog(orderEvents).accept(envelope)).toThrow(MalformedEventError);
    expect(() => new EventCatalog(orderEvents).accept(envelope)).toThrow(/total/);
  });

  it('is refused for the broken field only: the same envelope with valid data is accepted', () => {
    const { fields } = poisonEntry(customerRegistered, customerRegistered.example);
    expect(new EventCatalog(customerEvents).accept(decodeStreamEntry(fields)).data).toEqual(customerRegistered.example);
  });
});
