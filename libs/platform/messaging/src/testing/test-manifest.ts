import { type DataProductManifest, DEFAULT_STREAM_REPLAY, type StreamReplay } from '@mesh/contract-kit';

import { streamKeys } from '../streams/stream-keys';

/**
 * A manifest of the `test` domain with the given output streams (each with `replay`) and input
 * streams (read by the group `test`, from a domain `other`), for tests that measure or trim them.
 */
export function testManifest(ports: {
  outputs?: string[];
  inputs?: string[];
  replay?: StreamReplay;
}): DataProductManifest {
  return {
    name: 'test',
    domain: 'test',
    title: 'Test',
    description: 'A product measured by the tests.',
    version: '1.0.0',
    owner: { team: 'platform', contact: 'platform@example.com' },
    outputPorts: {
      api: { description: 'none', openApiPath: '/docs-json' },
      streams: (ports.outputs ?? []).map((stream) => ({
        stream,
        key: streamKeys.source(stream),
        description: stream,
        replay: ports.replay ?? DEFAULT_STREAM_REPLAY,
        events: [],
      })),
    },
    inputPorts: (ports.inputs ?? []).map((stream) => ({
      stream,
      key: streamKeys.source(stream),
      from: 'other',
      group: 'test',
      eventTypes: ['test.item.counted'],
      description: stream,
    })),
    serviceLevels: { freshnessSeconds: 60, maxConsumerLag: 2, maxOutboxAgeSeconds: 30, availability: '99%' },
    classifiedFields: [],
    redisKeyPrefixes: [],
  };
}
