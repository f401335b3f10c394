import { createEvent, encodeStreamEntry } from '@mesh/contract-kit';
import { customerRegistered, customersProduct, customerTierChanged } from '@mesh/customers-contracts';

import { type RawEntry, toSamples } from './sample-entries';

// The customers manifest as the domain serves it: name and email of a registration are PII.
const manifest = customersProduct.manifest;
const port = manifest.outputPorts.streams[0];
const ada = { ...customerRegistered.example, name: 'Ada Lovelace', email: 'ada.lovelace@example.com' };

function entry(id: string, fields: string[]): RawEntry {
  return [id, fields];
}

describe('toSamples', () => {
  it('masks every field the manifest classifies: a PII value never appears in the answer', () => {
    const registered = createEvent(customerRegistered, { subject: ada.customerId, data: ada });
    const [sample] = toSamples([entry('1-0', encodeStreamEntry(registered))], manifest, port);
    const answer = JSON.stringify(sample);
    expect(answer).not.toContain('Ada Lovelace');
    expect(answer).not.toContain('ada.lovelace@example.com');
    expect(sample).toMatchObject({
      entryId: '1-0',
      id: registered.id,
      type: 'customers.customer.registered',
      data: { name: '[masked: pii]', email: '[masked: pii]', country: ada.country, customerId: ada.customerId },
      masked: ['/name', '/email'],
    });
  });

  it('shows an event without classified fields as it is', () => {
    const tier = createEvent(customerTierChanged, { subject: 'c', data: customerTierChanged.example });
    const [sample] = toSamples([entry('2-0', encodeStreamEntry(tier))], manifest, port);
    expect(sample.data).toEqual(customerTierChanged.example);
    expect(sample.masked).toEqual([]);
  });

  it('withholds the data of a type the manifest does not list on the stream, and of an entry that is not an event', () => {
    const registered = createEvent(customerRegistered, { subject: ada.customerId, data: ada });
    const unknown = encodeStreamEntry({ ...registered, type: 'customers.customer.exported' });
    const samples = toSamples(
      [entry('3-0', unknown), entry('4-0', ['data', JSON.stringify({ email: 'ada.lovelace@example.com' })])],
      manifest,
      port,
    );
    expect(JSON.stringify(samples)).not.toContain('ada.lovelace@example.com');
    expect(samples.map((sample) => [sample.data, sample.withheld])).toEqual([
      [null, expect.stringMatching(/does not describe customers\.customer\.exported/)],
      [null, expect.stringMatching(/^not a readable event: missing attribute/)],
    ]);
  });

  it("masks what the event's schema marks as classified even when the manifest forgot it", () => {
    const forgetful = { ...manifest, classifiedFields: [] };
    const registered = createEvent(customerRegistered, { subject: ada.customerId, data: ada });
    const [sample] = toSamples([entry('5-0', encodeStreamEntry(registered))], forgetful, port);
    expect(JSON.stringify(sample)).not.toMatch(/Ada Lovelace|ada\.lovelace/);
  });
});
