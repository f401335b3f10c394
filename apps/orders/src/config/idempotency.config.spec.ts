import { idempotencyConfig } from './idempotency.config';

const parse = (value?: string) => idempotencyConfig.variables.safeParse({ ORDERS_IDEMPOTENCY_KEY_TTL_HOURS: value });

describe('idempotencyConfig', () => {
  it('keeps keys a day unless told otherwise', () => {
    const parsed = parse(undefined);
    expect(parsed.success && idempotencyConfig.fromVariables(parsed.data)).toEqual({ keyTtlMs: 86_400_000 });
    const week = parse('168');
    expect(week.success && idempotencyConfig.fromVariables(week.data)).toEqual({ keyTtlMs: 168 * 3_600_000 });
  });

  it('takes a fraction of an hour (a soak compresses time)', () => {
    const parsed = parse('0.01');
    expect(parsed.success && idempotencyConfig.fromVariables(parsed.data)).toEqual({ keyTtlMs: 36_000 });
  });

  it.each(['0', '2161', '-1', 'a day'])('refuses %j hours', (value) => {
    expect(parse(value).success).toBe(false);
  });
});
