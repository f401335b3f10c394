import { devIssuer } from '@mesh/infra';
import { createServiceApp, ServiceModule } from '@mesh/service';
import { Body, Controller, Get, HttpCode, Module, Param, Post } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { PassThrough } from 'node:stream';

import { demoAuthorization } from './demo-credentials';
import { type DemoCounts, driveDemoTraffic } from './demo-traffic';

// The development issuer of a temporary .mesh: the stubs check its key set, the demo signs with its key.
const meshDir = mkdtempSync(join(tmpdir(), 'demo-traffic-'));
const issuer = devIssuer(meshDir);
const otherIssuer = devIssuer(mkdtempSync(join(tmpdir(), 'demo-traffic-other-')));

// Stand-ins for the three domains: the same routes, the same access-token guard (ServiceModule).
@Controller('customers')
class CustomersStub {
  @Post()
  register(): { id: string } {
    return { id: randomUUID() };
  }
}

@Controller('orders')
class OrdersStub {
  @Post()
  place(@Body() body: { customerId: string }): { id: string; customerId: string } {
    return { id: randomUUID(), customerId: body.customerId };
  }

  @Post(':id/cancel')
  @HttpCode(200)
  cancel(@Param('id') id: string): { id: string } {
    return { id };
  }
}

@Controller('sales')
class SalesStub {
  @Get('daily')
  daily(): { days: [] } {
    return { days: [] };
  }
}

function stub(name: string, controller: new (...args: never[]) => unknown) {
  @Module({ imports: [ServiceModule.forRoot({ name })], controllers: [controller] })
  class StubModule {}
  return createServiceApp(StubModule, {
    env: { ...issuer.env, HOST: '127.0.0.1', PORT: '0', LOG_LEVEL: 'silent' },
    logDestination: new PassThrough(),
  });
}

describe('driveDemoTraffic against services that check access tokens', () => {
  const apps: NestFastifyApplication[] = [];
  let urls: { customers: string; orders: string; analytics: string };

  beforeAll(async () => {
    apps.push(
      await stub('customers', CustomersStub),
      await stub('orders', OrdersStub),
      await stub('analytics', SalesStub),
    );
    const [customers, orders, analytics] = await Promise.all(
      apps.map(async (app) => {
        await app.listen({ port: 0, host: '127.0.0.1' });
        return app.getUrl();
      }),
    );
    urls = { customers, orders, analytics };
  });

  afterAll(async () => {
    await Promise.all(apps.map((app) => app.close()));
    rmSync(meshDir, { recursive: true, force: true });
    rmSync(dirname(otherIssuer.keyFile), { recursive: true, force: true });
  });

  async function drive(signer: typeof issuer): Promise<{ counts: DemoCounts; sales: string[] }> {
    const stop = new AbortController();
    const sales: string[] = [];
    const driving = driveDemoTraffic(
      urls,
      demoAuthorization(signer),
      stop.signal,
      (_counts, today) => sales.push(today),
      {
        intervalMs: 10,
        reportEveryMs: 100,
      },
    );
    setTimeout(() => stop.abort(), 1_500);
    return { counts: await driving, sales };
  }

  it('registers customers, places orders and reads sales with its token, without a failure', async () => {
    const { counts, sales } = await drive(issuer);
    expect(counts.failures).toBe(0);
    expect(counts.customers).toBeGreaterThanOrEqual(3);
    expect(counts.orders).toBeGreaterThan(0);
    expect(sales.length).toBeGreaterThan(0);
    expect(sales.every((line) => line === '{"days":[]}')).toBe(true);
  }, 20_000);

  it('fails every request when signed with another key, so a wrong key set shows at once', async () => {
    const errors = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    const { counts, sales } = await drive(otherIssuer);
    expect(errors).toHaveBeenCalledWith(
      expect.stringMatching(/^demo: POST .*\/customers answered 401: .*no ES256 key .* in the key set/),
    );
    errors.mockRestore();
    expect(counts.customers).toBe(0);
    expect(counts.failures).toBeGreaterThan(0);
    expect(sales.every((line) => line === 'analytics answered 401')).toBe(true);
  }, 20_000);
});
