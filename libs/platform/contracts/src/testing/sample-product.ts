import { defineDataProduct } from '../product/define-data-product';
import { sampleOrderPlaced } from './sample-contract';

/** A product shaped like the domains' ones, for the exporters' tests: one output, one input. */
export const sampleProduct = defineDataProduct({
  name: 'sample',
  domain: 'sample',
  title: 'Sample',
  description: 'Sample orders.',
  version: '1.2.0',
  owner: { team: 'sample-team', contact: 'sample@example.com' },
  outputPorts: {
    api: { description: 'Sample API.', openApiPath: '/docs-json' },
    streams: [{ stream: 'sample.order.v1', description: 'Sample order facts.', events: [sampleOrderPlaced] }],
  },
  inputPorts: [
    {
      stream: 'other.thing.v1',
      from: 'other',
      group: 'sample',
      eventTypes: ['other.thing.happened'],
      description: 'Counts things.',
    },
  ],
  serviceLevels: { freshnessSeconds: 600, maxConsumerLag: 50, maxOutboxAgeSeconds: 20, availability: '99.9%' },
  classifiedFields: [
    { path: 'sample.order.placed#/lines/0/sku', classification: 'confidential' },
    { path: 'api:/customerEmail', classification: 'pii' },
  ],
});
