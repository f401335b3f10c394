import type { ServiceLevelCheck } from '@mesh/contract-kit';

import { healthyFigures, inputFigures, sampleManifest } from './data-product-fixtures';
import { checkServiceLevels } from './service-level-checks';

const byName = (checks: ServiceLevelCheck[]) => new Map(checks.map((check) => [check.name, check]));

describe('checkServiceLevels', () => {
  it('checks freshness, each input’s lag and dead letters, and the outbox age, all kept when healthy', () => {
    const checks = checkServiceLevels(sampleManifest, healthyFigures());
    expect(checks.map((check) => check.name)).toEqual([
      'freshness',
      'consumer-lag:orders.order.v1',
      'dead-letters:orders.order.v1',
      'consumer-lag:customers.customer.v1',
      'dead-letters:customers.customer.v1',
      'outbox-age',
    ]);
    expect(checks.every((check) => check.kept)).toBe(true);
    expect(byName(checks).get('freshness')).toMatchObject({ objective: '≤ 60 s behind the inputs', measured: 'caught up (0 s behind)' });
    expect(byName(checks).get('outbox-age')?.measured).toBe('empty');
  });

  it('counts undelivered and pending entries against the lag objective, at the boundary and past it', () => {
    const atLimit = healthyFigures({ inputs: [inputFigures('orders.order.v1', { lag: 60, pending: 40 })] });
    expect(byName(checkServiceLevels(sampleManifest, atLimit)).get('consumer-lag:orders.order.v1')).toMatchObject({
      measured: '100 (60 undelivered, 40 pending)',
      kept: true,
    });
    const over = healthyFigures({ inputs: [inputFigures('orders.order.v1', { lag: 60, pending: 41 })] });
    expect(byName(checkServiceLevels(sampleManifest, over)).get('consumer-lag:orders.order.v1')?.kept).toBe(false);
  });

  it('reports a dead letter as a promise not kept', () => {
    const figures = healthyFigures({ inputs: [inputFigures('orders.order.v1', { deadLetters: 1 })] });
    expect(byName(checkServiceLevels(sampleManifest, figures)).get('dead-letters:orders.order.v1')).toMatchObject({
      measured: '1 dead letter(s)',
      kept: false,
    });
  });

  it('holds freshness and the outbox age against their objectives', () => {
    const checks = byName(
      checkServiceLevels(
        sampleManifest,
        healthyFigures({ freshnessSeconds: 61.25, outbox: { backlog: 3, oldestAgeSeconds: 30.5 } }),
      ),
    );
    expect(checks.get('freshness')).toMatchObject({ measured: '61 s behind', kept: false });
    expect(checks.get('outbox-age')).toMatchObject({ measured: '31 s (3 waiting)', kept: false });
    const fine = byName(
      checkServiceLevels(sampleManifest, healthyFigures({ freshnessSeconds: 2.04, outbox: { backlog: 3, oldestAgeSeconds: 4.26 } })),
    );
    expect(fine.get('freshness')).toMatchObject({ measured: '2 s behind', kept: true });
    expect(fine.get('outbox-age')).toMatchObject({ measured: '4.3 s (3 waiting)', kept: true });
  });

  it('counts what could not be measured as not kept, and says why', () => {
    const figures = healthyFigures({
      inputs: [
        inputFigures('orders.order.v1', {
          lag: null,
          pending: null,
          deadLetters: null,
          behindSeconds: null,
          error: 'Redis: connection refused',
        }),
      ],
      outbox: { backlog: null, oldestAgeSeconds: null, error: 'database timed out' },
      freshnessSeconds: null,
    });
    const checks = byName(checkServiceLevels(sampleManifest, figures));
    expect(checks.get('freshness')).toMatchObject({
      measured: 'not measured: orders.order.v1: Redis: connection refused',
      kept: false,
    });
    expect(checks.get('consumer-lag:orders.order.v1')).toMatchObject({ measured: 'not measured: Redis: connection refused', kept: false });
    expect(checks.get('dead-letters:orders.order.v1')?.kept).toBe(false);
    expect(checks.get('outbox-age')).toMatchObject({ measured: 'not measured: database timed out', kept: false });
  });

  it('has no freshness check for a product without inputs', () => {
    const manifest = { ...sampleManifest, inputPorts: [] };
    const checks = checkServiceLevels(manifest, healthyFigures({ inputs: [], freshnessSeconds: null }));
    expect(checks.map((check) => check.name)).toEqual(['outbox-age']);
  });
});
