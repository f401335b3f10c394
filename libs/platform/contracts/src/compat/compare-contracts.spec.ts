import type { JsonSchema } from '../schema/json-schema';
import { findBreakingChanges } from './compare-contracts';
import { describeFinding } from './describe-finding';
import type { PublishedContracts } from './published-contracts';

const placedV1: JsonSchema = {
  type: 'object',
  properties: { orderId: { type: 'string' }, total: { type: 'number' } },
  required: ['orderId', 'total'],
};
const cancelledV1: JsonSchema = { type: 'object', properties: { orderId: { type: 'string' } }, required: ['orderId'] };

const published: PublishedContracts = {
  streams: [
    {
      stream: 'orders.order.v1',
      events: [
        { type: 'orders.order.placed', version: 1 },
        { type: 'orders.order.cancelled', version: 1 },
      ],
    },
  ],
  schemas: [
    { type: 'orders.order.placed', version: 1, jsonSchema: placedV1 },
    { type: 'orders.order.cancelled', version: 1, jsonSchema: cancelledV1 },
  ],
};

/** The published contracts with some streams and schemas replaced. */
function withChanges(
  streams: PublishedContracts['streams'],
  schemas: PublishedContracts['schemas'] = published.schemas,
): PublishedContracts {
  return { streams, schemas };
}

const summary = (contracts: PublishedContracts, options = {}) =>
  findBreakingChanges(published, contracts, options).map(
    (finding) => `${finding.subject}${finding.version ? ` v${finding.version}` : ''}: ${finding.rule}`,
  );

describe('findBreakingChanges', () => {
  it('passes unchanged contracts', () => {
    expect(findBreakingChanges(published, published)).toEqual([]);
  });

  it('passes a new event type and a new major version on a new stream', () => {
    const placedV2: JsonSchema = { type: 'object', properties: { orderId: { type: 'string' } }, required: ['orderId'] };
    const contracts = withChanges(
      [
        {
          stream: 'orders.order.v1',
          events: [...published.streams[0].events, { type: 'orders.order.shipped', version: 1 }],
        },
        { stream: 'orders.order.v2', events: [{ type: 'orders.order.placed', version: 2 }] },
      ],
      [
        ...published.schemas,
        { type: 'orders.order.shipped', version: 1, jsonSchema: cancelledV1 },
        { type: 'orders.order.placed', version: 2, jsonSchema: placedV2 },
      ],
    );
    expect(findBreakingChanges(published, contracts)).toEqual([]);
  });

  it('finds a stream that disappeared, once for the stream and not again per event', () => {
    expect(summary(withChanges([], []))).toEqual(['orders.order.v1: stream-removed']);
  });

  it('lets a stream retired on purpose go', () => {
    expect(summary(withChanges([], []), { retiredStreams: ['orders.order.v1'] })).toEqual([]);
  });

  it('finds an event type that disappeared from its stream', () => {
    const contracts = withChanges(
      [{ stream: 'orders.order.v1', events: [{ type: 'orders.order.placed', version: 1 }] }],
      [published.schemas[0]],
    );
    expect(summary(contracts)).toEqual(['orders.order.cancelled v1: event-removed']);
  });

  it('finds an event moved to another stream', () => {
    const contracts = withChanges([
      { stream: 'orders.order.v1', events: [{ type: 'orders.order.placed', version: 1 }] },
      { stream: 'orders.cancellation.v1', events: [{ type: 'orders.order.cancelled', version: 1 }] },
    ]);
    const findings = findBreakingChanges(published, contracts);
    expect(findings).toEqual([
      {
        subject: 'orders.order.cancelled',
        version: 1,
        rule: 'event-removed',
        detail: 'moved from orders.order.v1 to orders.cancellation.v1',
      },
    ]);
  });

  it('finds a new major version put on the stream of the old one', () => {
    const contracts = withChanges(
      [
        {
          stream: 'orders.order.v1',
          events: [
            { type: 'orders.order.placed', version: 2 },
            { type: 'orders.order.cancelled', version: 1 },
          ],
        },
      ],
      [...published.schemas, { type: 'orders.order.placed', version: 2, jsonSchema: placedV1 }],
    );
    expect(summary(contracts)).toEqual([
      'orders.order.placed v1: event-removed',
      'orders.order.placed v2: major-version-on-existing-stream',
    ]);
  });

  it('passes the first publication of a Redis key, and finds a published key that changed', () => {
    const keyed = (key: string) => withChanges([{ ...published.streams[0], key }]);
    expect(findBreakingChanges(published, keyed('{orders.order.v1}'))).toEqual([]);
    expect(findBreakingChanges(keyed('{orders.order.v1}'), keyed('{orders.order.v1}'))).toEqual([]);
    expect(findBreakingChanges(keyed('{orders.order.v1}'), keyed('orders:order:v1'))).toEqual([
      {
        subject: 'orders.order.v1',
        rule: 'stream-key-changed',
        detail: 'its Redis key was {orders.order.v1}, now orders:order:v1',
      },
    ]);
  });

  it('finds an event whose schema file vanished even without a previous manifest', () => {
    const noManifest: PublishedContracts = { streams: [], schemas: published.schemas };
    expect(
      findBreakingChanges(noManifest, withChanges(published.streams, [published.schemas[0]])).map(
        (finding) => finding.rule,
      ),
    ).toEqual(['event-removed']);
  });

  it('reports breaking schema changes under the event and its version', () => {
    const narrowed: JsonSchema = {
      ...placedV1,
      properties: { orderId: { type: 'string' }, total: { type: 'integer' } },
    };
    const findings = findBreakingChanges(
      published,
      withChanges(published.streams, [{ ...published.schemas[0], jsonSchema: narrowed }, published.schemas[1]]),
    );
    expect(findings).toEqual([
      { subject: 'orders.order.placed', version: 1, field: 'total', rule: 'type-narrowed', detail: 'number → integer' },
    ]);
  });
});

describe('describeFinding', () => {
  it('names the event, the field and the rule, and says what to do', () => {
    const line = describeFinding({
      subject: 'orders.order.placed',
      version: 1,
      field: 'total',
      rule: 'type-narrowed',
      detail: 'number → integer',
    });
    expect(line).toBe(
      'orders.order.placed v1, field "total": type-narrowed (number → integer). Make the change compatible (add fields as optional, ' +
        'only widen types) or ship it as orders.order.placed v2 on a new stream (orders.order.v2) and keep publishing v1 until its consumers have moved.',
    );
  });

  it('tells how to retire a stream on purpose', () => {
    const line = describeFinding({ subject: 'orders.order.v1', rule: 'stream-removed', detail: 'gone' });
    expect(line).toMatch(
      /^stream orders\.order\.v1: stream-removed \(gone\)\. .*`--retire=orders\.order\.v1` on the contracts target\.$/,
    );
  });
});
