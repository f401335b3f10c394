import { streamKey, streamKeyNote, streamNameOf } from './stream-key';

describe('streamKey', () => {
  it('puts the stream name in a Redis Cluster hash tag', () => {
    expect(streamKey('orders.order.v1')).toBe('{orders.order.v1}');
  });

  it('gives the name back from the key and from keys that begin with it', () => {
    expect(streamNameOf(streamKey('orders.order.v1'))).toBe('orders.order.v1');
    expect(streamNameOf('{orders.order.v1}:dead-letter:analytics')).toBe('orders.order.v1');
    expect(() => streamNameOf('orders.order.v1')).toThrow('"orders.order.v1" is not a mesh stream key');
  });

  it('explains the braces where a document shows the key', () => {
    expect(streamKeyNote('orders.order.v1')).toBe(
      'Redis Stream key `{orders.order.v1}`; the braces are a Redis Cluster hash tag that keeps the stream, ' +
        'its dead-letter and redrive streams on one slot.',
    );
  });
});
