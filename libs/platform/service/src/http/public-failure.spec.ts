import { publicFailure } from './public-failure';

describe('publicFailure', () => {
  it('keeps our own timeout reason, with its bound', () => {
    expect(publicFailure('no answer within 150 ms')).toBe('timeout: no answer within 150 ms');
    expect(publicFailure('Redis is not reachable: no answer within 2000 ms')).toBe('timeout: no answer within 2000 ms');
  });

  it.each([
    'connect ECONNREFUSED 10.0.3.7:6379',
    'NOPERM User orders has no permissions to run the xinfo command',
    'password authentication failed for user "orders_app"',
    'Redis is not reachable: getaddrinfo ENOTFOUND redis.internal',
  ])('gives nothing of a driver message away: %s', (detail) => {
    expect(publicFailure(detail)).toBe("failed: the details are in the service's log");
  });
});
