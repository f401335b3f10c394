import { formatLogLine, logPrefix } from './log-line';

describe('formatLogLine', () => {
  it('turns a pino line into time, level and message', () => {
    const line = JSON.stringify({ level: 30, time: Date.parse('2026-11-28T12:00:01Z'), msg: 'listening on http://127.0.0.1:3001' });
    expect(formatLogLine(line)).toBe('12:00:01 INFO  listening on http://127.0.0.1:3001');
  });

  it('shows the request, status, duration and error of an access or failure line', () => {
    const line = JSON.stringify({
      level: 50,
      time: Date.parse('2026-11-28T12:00:02Z'),
      msg: 'request errored',
      req: { method: 'POST', url: '/orders' },
      res: { statusCode: 500 },
      responseTime: 12,
      err: { message: 'boom' },
    });
    expect(formatLogLine(line)).toBe('12:00:02 ERROR request errored POST /orders → 500 (12 ms): boom');
  });

  it('reads levels written as labels', () => {
    const line = JSON.stringify({ level: 'warn', time: Date.parse('2026-11-28T12:00:03Z'), msg: 'Redis connection lost' });
    expect(formatLogLine(line)).toBe('12:00:03 WARN  Redis connection lost');
  });

  it('keeps lines that are not JSON as they are', () => {
    expect(formatLogLine('Service cannot start. REDIS_URL: must be a URL')).toBe('Service cannot start. REDIS_URL: must be a URL');
    expect(formatLogLine('{not json')).toBe('{not json');
  });
});

describe('logPrefix', () => {
  it('pads names to one width, with colour only when asked', () => {
    expect(logPrefix('orders', 9, 36, false)).toBe('[orders]   ');
    expect(logPrefix('analytics', 9, 35, true)).toBe('\u001b[35m[analytics]\u001b[0m');
  });
});
