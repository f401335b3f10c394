import type { DataProductManifest, InputStreamStatus } from '@mesh/contract-kit';

import type { MeasuredFigures } from './data-product-status-source';

/** A product with one output and two inputs, as a domain's contracts library would declare it. */
export const sampleManifest: DataProductManifest = {
  name: 'shipping',
  domain: 'shipping',
  title: 'Shipping',
  description: 'Parcels and their journeys.',
  version: '1.0.0',
  owner: { team: 'logistics', contact: 'logistics@example.com' },
  outputPorts: {
    api: { description: 'Parcels.', openApiPath: '/docs-json' },
    streams: [
      {
        stream: 'shipping.parcel.v1',
        key: '{shipping.parcel.v1}',
        description: 'Parcel facts.',
        replay: { windowHours: 168, capHours: 336 },
        events: [
          { type: 'shipping.parcel.sent', version: 1, dataschema: 'urn:x', description: 'Sent.', schema: { type: 'object' } },
        ],
      },
    ],
  },
  inputPorts: [
    {
      stream: 'orders.order.v1',
      key: '{orders.order.v1}',
      from: 'orders',
      group: 'shipping',
      eventTypes: ['orders.order.placed'],
      description: 'o',
    },
    {
      stream: 'customers.customer.v1',
      key: '{customers.customer.v1}',
      from: 'customers',
      group: 'shipping',
      eventTypes: ['customers.customer.registered'],
      description: 'c',
    },
  ],
  serviceLevels: { freshnessSeconds: 60, maxConsumerLag: 100, maxOutboxAgeSeconds: 30, availability: '99%' },
  classifiedFields: [],
  redisKeyPrefixes: [],
};

export function inputFigures(stream: string, figures: Partial<InputStreamStatus> = {}): InputStreamStatus {
  return {
    stream,
    group: 'shipping',
    lag: 0,
    pending: 0,
    deadLetters: 0,
    lostToCap: 0,
    behindSeconds: 0,
    lastDeliveredAt: '2030-01-01T00:00:00.000Z',
    ...figures,
  };
}

/** Figures of a healthy product, with `change` applied. */
export function healthyFigures(change: Partial<MeasuredFigures> = {}): MeasuredFigures {
  return {
    outputs: [{ stream: 'shipping.parcel.v1', length: 12, groups: [{ name: 'billing', lag: 0, pending: 1, consumers: 2, lostToCap: 0 }] }],
    inputs: [inputFigures('orders.order.v1'), inputFigures('customers.customer.v1')],
    outbox: { backlog: 0, oldestAgeSeconds: null },
    freshnessSeconds: 0,
    ...change,
  };
}
