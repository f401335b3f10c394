import { Registry } from 'prom-client';

import { StreamConsumer } from '../consumer/stream-consumer';
import { EventPublisher } from '../publisher/event-publisher';
import { testRedis } from '../testing/test-redis';
import { countedEvents, deleteStreamKeys, eventually, testStream } from '../testing/test-streams';
import { MessagingMetrics } from './messaging-metrics';

describe('MessagingMetrics', () => {
  const redis = testRedis();
  const { stream, itemCounted, catalog } = testStream();

  afterAll(async () => {
    await deleteStreamKeys(redis, stream);
    await redis.quit();
  });

  it('counts published, consumed, failed and dead-lettered events and reads lag, pending and outbox backlog', async () => {
    const registry = new Registry();
    const metrics = new MessagingMetrics(registry);
    metrics.watchStream(redis, stream);
    metrics.watchOutbox('orders', async () => ({ count: 3, oldestAgeMs: 1500 }));
    const publisher = new EventPublisher(redis, catalog, metrics.publisherObserver());
    const events = countedEvents(itemCounted, 10);
    const handled: string[] = [];
    const consumer = new StreamConsumer({
      redis,
      group: 'metered',
      consumer: 'c1',
      streams: [stream],
      catalog,
      handles: () => true,
      handle: async (event) => {
        if (event.id === events[0].id) throw new Error('poison');
        handled.push(event.id);
      },
      maxDeliveries: 1,
      startFrom: 'beginning',
      blockMs: 100,
      observer: metrics.consumerObserver('metered'),
    });
    await publisher.publishBatch(events);
    await redis.xgroup('CREATE', `{${stream}}`, 'idle-group', '0');
    await consumer.start();
    await eventually('9 handled', () => handled.length === 9);
    await consumer.stop();

    const text = await registry.metrics();
    expect(text).toContain(`mesh_events_published_total{stream="${stream}",type="test.item.counted"} 10`);
    expect(text).toContain(`mesh_events_consumed_total{group="metered",stream="${stream}",type="test.item.counted"} 9`);
    expect(text).toContain(`mesh_events_failed_total{group="metered",stream="${stream}",type="test.item.counted"} 1`);
    expect(text).toContain(`mesh_events_dead_lettered_total{group="metered",stream="${stream}"} 1`);
    expect(text).toContain(`mesh_consumer_lag{stream="${stream}",group="idle-group"} 10`);
    expect(text).toContain(`mesh_consumer_pending{stream="${stream}",group="metered"} 0`);
    expect(text).toContain('mesh_outbox_backlog{outbox="orders"} 3');
    expect(text).toContain('mesh_outbox_oldest_age_seconds{outbox="orders"} 1.5');
    expect(text).toMatch(/mesh_event_handler_duration_seconds_count\{group="metered",type="test.item.counted"\} 9/);
  });
});
