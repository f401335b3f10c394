import { JwtService } from '@nestjs/jwt';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { DEMO_SCOPES, demoAuthorization, meshAuth } from './demo-credentials';

const DEV_SECRET = 'the-development-secret-from-infra-up-0123';

describe('meshAuth', () => {
  it('hands the services the development secret when the caller set none', () => {
    expect(meshAuth({}, DEV_SECRET)).toEqual({ secret: DEV_SECRET, serviceEnv: { AUTH_JWT_SECRET: DEV_SECRET } });
  });

  it('lets the caller’s AUTH_JWT_SECRET or AUTH_JWT_SECRET_FILE stand, and signs with it', () => {
    const own = 'the-callers-own-secret-that-is-long-enough';
    expect(meshAuth({ AUTH_JWT_SECRET: own }, DEV_SECRET)).toEqual({ secret: own, serviceEnv: {} });
    const file = join(mkdtempSync(join(tmpdir(), 'mesh-start-')), 'secret');
    writeFileSync(file, `${own}\n`);
    expect(meshAuth({ AUTH_JWT_SECRET_FILE: file }, DEV_SECRET)).toEqual({ secret: own, serviceEnv: {} });
  });
});

describe('demoAuthorization', () => {
  afterEach(() => jest.useRealTimers());

  it('signs a bearer token with the demo scopes only, and renews it before it expires', () => {
    jest.useFakeTimers({ now: Date.parse('2026-11-28T12:00:00Z') });
    const authorization = demoAuthorization(DEV_SECRET);
    const first = authorization();
    const claims = new JwtService({ secret: DEV_SECRET }).verify<{
      scope: string;
      sub: string;
      exp: number;
      iat: number;
    }>(first.replace(/^Bearer /, ''));
    expect(claims).toMatchObject({ scope: DEMO_SCOPES.join(' '), sub: 'mesh-demo' });
    expect(claims.exp - claims.iat).toBe(900);
    jest.setSystemTime(Date.parse('2026-11-28T12:09:59Z'));
    expect(authorization()).toBe(first);
    jest.setSystemTime(Date.parse('2026-11-28T12:10:00Z'));
    const renewed = authorization();
    expect(renewed).not.toBe(first);
    expect(new JwtService().decode<{ iat: number }>(renewed.replace(/^Bearer /, '')).iat).toBe(claims.iat + 600);
  });
});
