import { devIssuer } from '@mesh/infra';
import { createLocalJWKSet, decodeJwt, jwtVerify } from 'jose';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { DEMO_SCOPES, demoAuthorization, meshAuth } from './demo-credentials';

const meshDir = mkdtempSync(join(tmpdir(), 'mesh-start-'));
const issuer = devIssuer(meshDir);

afterAll(() => rmSync(meshDir, { recursive: true, force: true }));

describe('meshAuth', () => {
  it('hands the services the development issuer, and none of the caller’s token settings', () => {
    const auth = meshAuth({ PATH: '/bin', AUTH_JWKS_URL: 'https://idp.example/jwks', AUTH_JWT_SECRET: 'x' }, issuer);
    expect(auth.serviceEnv).toEqual({
      PATH: '/bin',
      AUTH_JWKS_FILE: join(meshDir, 'jwks.json'),
      AUTH_ISSUER: 'mesh-dev-issuer',
    });
    expect(auth.ignored).toEqual(['AUTH_JWKS_URL', 'AUTH_JWT_SECRET']);
  });
});

describe('demoAuthorization', () => {
  afterEach(() => jest.useRealTimers());

  const jwks = () => createLocalJWKSet(JSON.parse(readFileSync(join(meshDir, 'jwks.json'), 'utf8')) as never);

  it('signs a token per service, for it alone, with the demo’s scopes there, and renews it before it expires', async () => {
    jest.useFakeTimers({ now: Date.parse('2026-11-28T12:00:00Z') });
    const authorization = demoAuthorization(issuer);
    const first = authorization('orders');
    const { payload } = await jwtVerify(first.replace(/^Bearer /, ''), jwks(), {
      issuer: 'mesh-dev-issuer',
      audience: 'orders',
      currentDate: new Date('2026-11-28T12:00:01Z'),
    });
    expect(payload).toMatchObject({ scope: DEMO_SCOPES.orders.join(' '), sub: 'mesh-demo', aud: 'orders' });
    expect((payload.exp as number) - (payload.iat as number)).toBe(900);
    expect(decodeJwt(authorization('analytics').replace(/^Bearer /, ''))).toMatchObject({
      aud: 'analytics',
      scope: 'analytics:read',
    });
    jest.setSystemTime(Date.parse('2026-11-28T12:09:59Z'));
    expect(authorization('orders')).toBe(first);
    jest.setSystemTime(Date.parse('2026-11-28T12:10:00Z'));
    const renewed = authorization('orders');
    expect(renewed).not.toBe(first);
    expect(decodeJwt(renewed.replace(/^Bearer /, '')).iat).toBe((payload.iat as number) + 600);
  });
});
