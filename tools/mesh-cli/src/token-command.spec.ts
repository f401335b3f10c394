import { type DevIssuer, devIssuer, readDevIssuer, WORKSPACE_ROOT } from '@mesh/infra';
import { createServiceApp, ServiceModule } from '@mesh/service';
import { Controller, Get, Module, Post } from '@nestjs/common';
import { createLocalJWKSet, jwtVerify } from 'jose';
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { promisify } from 'node:util';

import { UsageError } from './commands';
import { tokenCommand } from './token-command';

const meshDir = mkdtempSync(join(tmpdir(), 'mesh-token-'));
const issuer: DevIssuer = devIssuer(meshDir);

afterAll(() => rmSync(meshDir, { recursive: true, force: true }));

async function run(args: string[], from: () => DevIssuer = () => issuer) {
  const printed: string[] = [];
  const notes: string[] = [];
  await tokenCommand(from, (line) => notes.push(line)).run(args, (line) => printed.push(line));
  return { printed, notes };
}

/** The claims, checked as a service checks them: against the public key set alone. */
async function claimsOf(token: string, dir = meshDir): Promise<Record<string, unknown>> {
  const jwks = createLocalJWKSet(JSON.parse(readFileSync(join(dir, 'jwks.json'), 'utf8')) as never);
  return (await jwtVerify(token, jwks, { issuer: 'mesh-dev-issuer', algorithms: ['ES256'] })).payload;
}

describe('npm run mesh -- token', () => {
  it('prints only an ES256 token of the development issuer, for the domains its scopes name, notes on the side', async () => {
    const { printed, notes } = await run(['--scopes', 'orders:write,orders:read']);
    expect(printed).toHaveLength(1);
    const claims = await claimsOf(printed[0]);
    expect(claims).toMatchObject({
      iss: 'mesh-dev-issuer',
      aud: 'orders',
      scope: 'orders:write orders:read',
      sub: 'dev',
    });
    expect((claims['exp'] as number) - (claims['iat'] as number)).toBe(3600);
    expect(notes).toEqual([
      expect.stringMatching(/^token for dev with orders:write orders:read, audience orders, valid until 20/),
    ]);
  });

  it('takes --audience, --ttl and --subject, also as --flag=value', async () => {
    const { printed } = await run([
      '--scopes=analytics:read',
      '--audience=analytics,orders',
      '--ttl=60',
      '--subject',
      'grafana',
    ]);
    const claims = await claimsOf(printed[0]);
    expect(claims).toMatchObject({ aud: ['analytics', 'orders'], scope: 'analytics:read', sub: 'grafana' });
    expect((claims['exp'] as number) - (claims['iat'] as number)).toBe(60);
  });

  it('names every domain of the scopes as an audience', async () => {
    const { printed } = await run(['--scopes', 'orders:read,customers:read']);
    expect((await claimsOf(printed[0]))['aud']).toEqual(['orders', 'customers']);
  });

  it('notes a scope no service asks for, which is usually a typo, and a lifetime the services refuse', async () => {
    const { printed, notes } = await run(['--scopes', 'orders:wirte', '--ttl', '7200']);
    expect(printed).toHaveLength(1);
    expect(notes[0]).toMatch(
      /^note: no service asks for orders:wirte \(known: orders:read, orders:write, customers:read/,
    );
    expect(notes[1]).toMatch(/^note: the services refuse tokens that live longer than 3600 s/);
  });

  it('says how to get the development issuer when there is none', async () => {
    const empty = mkdtempSync(join(tmpdir(), 'mesh-token-none-'));
    try {
      await expect(run(['--scopes', 'orders:read'], () => readDevIssuer(empty))).rejects.toMatchObject({
        fix: expect.stringContaining('npm run infra:up'),
      });
    } finally {
      rmSync(empty, { recursive: true, force: true });
    }
  });

  it.each([
    [[], 'token: --scopes is required, e.g. --scopes orders:read,orders:write'],
    [['--scopes'], 'token: --scopes needs a value'],
    [['--scopes', 'orders:read', '--ttl', '0'], 'token: --ttl must be a whole number of seconds above 0, not "0"'],
    [['--scopes', 'orders:read', '--ttl', '1.5'], 'token: --ttl must be a whole number of seconds above 0, not "1.5"'],
    [['--scopes', 'orders:read', '--admin'], 'token: unexpected argument "--admin"'],
    [['--scopes', 'admin'], 'token: a scope without "<service>:" names no audience; give --audience'],
  ])('refuses %j', async (args, message) => {
    const failure = run(args);
    await expect(failure).rejects.toThrow(UsageError);
    await expect(failure).rejects.toThrow(message);
  });
});

@Controller('orders')
class OrdersStubController {
  @Get()
  list(): { items: [] } {
    return { items: [] };
  }

  @Post()
  place(): { placed: true } {
    return { placed: true };
  }
}

@Module({
  imports: [ServiceModule.forRoot({ name: 'orders' })],
  controllers: [OrdersStubController],
})
class OrdersStubModule {}

describe('a token from the CLI at a service that reads the development issuer’s key set', () => {
  it('opens what its scopes allow, for its audience only', async () => {
    const app = await createServiceApp(OrdersStubModule, {
      env: { ...issuer.env, LOG_LEVEL: 'silent' },
      logDestination: new PassThrough(),
    });
    try {
      const call = async (args: string[], method: 'GET' | 'POST') => {
        const [token] = (await run(args)).printed;
        return (
          await app.inject({ method, url: '/orders', headers: { authorization: `Bearer ${token}` }, payload: {} })
        ).statusCode;
      };
      expect(await call(['--scopes', 'orders:read'], 'GET')).toBe(200);
      expect(await call(['--scopes', 'orders:read'], 'POST')).toBe(403);
      expect(await call(['--scopes', 'orders:read', '--audience', 'customers'], 'GET')).toBe(401);
    } finally {
      await app.close();
    }
  });

  it('works as a real command: `npm run -s mesh -- token` prints the token alone', async () => {
    const { stdout, stderr } = await promisify(execFile)(
      'npm',
      ['run', '-s', 'mesh', '--', 'token', '--scopes', 'orders:read', '--subject', 'ci'],
      { cwd: WORKSPACE_ROOT, env: process.env },
    );
    expect(stdout.trim()).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+$/);
    // The workspace's own issuer: `npm run infra:up` made it, as the check before this suite requires.
    expect(await claimsOf(stdout.trim(), join(WORKSPACE_ROOT, '.mesh'))).toMatchObject({
      scope: 'orders:read',
      sub: 'ci',
      aud: 'orders',
    });
    expect(stderr).toContain('token for ci with orders:read, audience orders');
  }, 60_000);
});
