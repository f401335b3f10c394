/**
 * Specs left out when the suite runs against a Redis Cluster (REDIS_CLUSTER_NODES set, as the
 * `test-redis-cluster` target does): each runs on Redis servers of its own, which it stops,
 * freezes or pairs with a replica, so it would only run again on those and prove nothing about
 * the cluster.
 */
const ownServerSpecs = [
  // freezes a TCP proxy in front of one server
  'src/consumer/blocking-reader.int-spec.ts',
  // stop and restart a server of their own under the relay
  'src/outbox-mongoose/relay-redis-outage.int-spec.ts',
  'src/outbox-typeorm/outbox-relay-redis-outage.int-spec.ts',
  // statusTestKit's server, stopped to show the figures of an outage
  'src/status/data-product-status.int-spec.ts',
  'src/status/outbox-status.int-spec.ts',
  'src/status/sample-stream.int-spec.ts',
  // a master and a replica of its own, the replica paused
  'src/outbox/replica-wait.int-spec.ts',
];

export default {
  displayName: 'platform-messaging',
  preset: '../../../jest.preset.js',
  coverageDirectory: '../../../coverage/libs/platform/messaging',
  ...(process.env['REDIS_CLUSTER_NODES']
    ? { testPathIgnorePatterns: ['/node_modules/', ...ownServerSpecs.map((spec) => `/libs/platform/messaging/${spec}$`)] }
    : {}),
};
