import { createServiceApp, ServiceModule } from '@mesh/service';
import { Controller, Get, Module, Post } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { promisify } from 'node:util';

import { UsageError } from './commands';
import { tokenCommand } from './token-command';

const SECRET = 'a-development-secret-for-the-token-command';
const WORKSPACE_ROOT = join(__dirname, '..', '..', '..');

async function run(args: string[], env: Record<string, string> = { AUTH_JWT_SECRET: SECRET }) {
  const printed: string[] = [];
  const notes: string[] = [];
  await tokenCommand(
    (name) => env[name],
    (line) => notes.push(line),
  ).run(args, (line) => printed.push(line));
  return { printed, notes };
}

function claimsOf(token: string): Record<string, unknown> {
  return new JwtService({ secret: SECRET }).verify(token, { algorithms: ['HS256'] });
}

describe('npm run mesh -- token', () => {
  it('prints only an HS256 token with the scopes, subject dev and a one-hour life, notes on the side', async () => {
    const { printed, notes } = await run(['--scopes', 'orders:write,orders:read']);
    expect(printed).toHaveLength(1);
    const claims = claimsOf(printed[0]);
    expect(claims).toMatchObject({ scope: 'orders:write orders:read', sub: 'dev' });
    expect((claims['exp'] as number) - (claims['iat'] as number)).toBe(3600);
    expect(notes).toEqual([expect.stringMatching(/^token for dev with orders:write orders:read, valid until 20/)]);
  });

  it('takes --ttl and --subject, also as --flag=value', async () => {
    const { printed } = await run(['--scopes=analytics:read', '--ttl=60', '--subject', 'grafana']);
    const claims = claimsOf(printed[0]);
    expect(claims).toMatchObject({ scope: 'analytics:read', sub: 'grafana' });
    expect((claims['exp'] as number) - (claims['iat'] as number)).toBe(60);
  });

  it('reads the secret from AUTH_JWT_SECRET_FILE as the services do', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'mesh-token-')), 'secret');
    writeFileSync(file, `${SECRET}\n`);
    const { printed } = await run(['--scopes', 'customers:read'], { AUTH_JWT_SECRET_FILE: file });
    expect(claimsOf(printed[0])).toMatchObject({ scope: 'customers:read' });
  });

  it('notes a scope no service asks for, which is usually a typo', async () => {
    const { printed, notes } = await run(['--scopes', 'orders:wirte']);
    expect(printed).toHaveLength(1);
    expect(notes[0]).toMatch(
      /^note: no service asks for orders:wirte \(known: orders:read, orders:write, customers:read/,
    );
  });

  it('says how to get a secret when there is none', async () => {
    await expect(run(['--scopes', 'orders:read'], {})).rejects.toThrow(
      'AUTH_JWT_SECRET is not set: run `npm run infra:up` (it writes a development secret to .mesh/env) or export AUTH_JWT_SECRET',
    );
  });

  it.each([
    [[], 'token: --scopes is required, e.g. --scopes orders:read,orders:write'],
    [['--scopes'], 'token: --scopes needs a value'],
    [['--scopes', 'orders:read', '--ttl', '0'], 'token: --ttl must be a whole number of seconds above 0, not "0"'],
    [['--scopes', 'orders:read', '--ttl', '1.5'], 'token: --ttl must be a whole number of seconds above 0, not "1.5"'],
    [['--scopes', 'orders:read', '--admin'], 'token: unexpected argument "--admin"'],
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

describe('a token from the CLI at a service with the same AUTH_JWT_SECRET', () => {
  it('opens what its scopes allow and nothing else', async () => {
    const app = await createServiceApp(OrdersStubModule, {
      env: { AUTH_JWT_SECRET: SECRET, LOG_LEVEL: 'silent' },
      logDestination: new PassThrough(),
    });
    try {
      const [token] = (await run(['--scopes', 'orders:read'])).printed;
      const headers = { authorization: `Bearer ${token}` };
      expect((await app.inject({ method: 'GET', url: '/orders', headers })).statusCode).toBe(200);
      expect((await app.inject({ method: 'POST', url: '/orders', headers, payload: {} })).statusCode).toBe(403);
    } finally {
      await app.close();
    }
  });

  it('works as a real command: `npm run -s mesh -- token` prints the token alone', async () => {
    const { stdout, stderr } = await promisify(execFile)(
      'npm',
      ['run', '-s', 'mesh', '--', 'token', '--scopes', 'orders:read', '--subject', 'ci'],
      { cwd: WORKSPACE_ROOT, env: { ...process.env, AUTH_JWT_SECRET: SECRET } },
    );
    expect(stdout.trim()).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+$/);
    expect(claimsOf(stdout.trim())).toMatchObject({ scope: 'orders:read', sub: 'ci' });
    expect(stderr).toContain('token for ci with orders:read');
  }, 60_000);
});
