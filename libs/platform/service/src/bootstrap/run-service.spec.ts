import { createServer, type Server } from 'node:net';

import { ServiceProcess } from '../../test/service-process';

jest.setTimeout(30_000);

describe('runService start-up failures (a real process)', () => {
  let service: ServiceProcess | undefined;

  afterEach(() => {
    service?.stop();
    service = undefined;
  });

  it('prints every configuration problem, naming the variables, and exits 1 without a stack trace', async () => {
    service = new ServiceProcess({
      PORT: 'eighty',
      LOG_LEVEL: 'loud',
      GREETING_REPEAT: '9',
      GREETING: 'hi',
      GREETING_FILE: '/run/secrets/greeting',
    });
    expect(await service.exited).toEqual({ code: 1, signal: null });
    expect(service.stderr).toBe(
      [
        'Service cannot start. Invalid configuration (4 problems):',
        '  - GREETING: both GREETING and GREETING_FILE are set; set only one',
        '  - PORT: must be an integer',
        '  - LOG_LEVEL: Invalid option: expected one of "fatal"|"error"|"warn"|"info"|"debug"|"trace"|"silent"',
        '  - GREETING_REPEAT: Too big: expected number to be <=5',
        '',
      ].join('\n'),
    );
    expect(service.stdout).toBe('');
  });

  it('logs JSON by default and pretty text only when LOG_PRETTY is set', async () => {
    service = new ServiceProcess({});
    await service.listening();
    expect(service.logs.length).toBeGreaterThan(0);
    service.signal('SIGTERM');
    await service.exited;

    service = new ServiceProcess({ LOG_PRETTY: 'true' });
    await service.listening();
    expect(service.stdout).toMatch(/INFO.*listening on http/);
    expect(service.stdout).not.toContain('{"level"');
    service.signal('SIGTERM');
    expect((await service.exited).code).toBe(0);
  });

  it('prints the reason and exits 1 when the port is taken', async () => {
    const blocker: Server = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const address = blocker.address();
    if (address === null || typeof address === 'string') throw new Error('no TCP address');
    try {
      service = new ServiceProcess({ PORT: String(address.port) });
      expect((await service.exited).code).toBe(1);
      expect(service.stderr).toContain('Service cannot start: Error: listen EADDRINUSE');
    } finally {
      await new Promise<void>((resolve) => blocker.close(() => resolve()));
    }
  });
});
