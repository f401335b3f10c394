import { JwtService } from '@nestjs/jwt';

import { signAccessToken } from './sign-access-token';

const SECRET = 'a-test-secret-that-is-long-enough-for-hs256';

function decode(token: string): { header: object; payload: Record<string, unknown> } {
  return new JwtService().decode<{ header: object; payload: Record<string, unknown> }>(token, { complete: true });
}

describe('signAccessToken', () => {
  it('signs HS256 with the scopes space-separated in scope, the subject and a one-hour expiry', () => {
    const token = signAccessToken({ secret: SECRET, scopes: ['orders:read', 'orders:write'], subject: 'dev' });
    const { header, payload } = decode(token);
    expect(header).toMatchObject({ alg: 'HS256', typ: 'JWT' });
    expect(payload).toMatchObject({ scope: 'orders:read orders:write', sub: 'dev' });
    expect((payload['exp'] as number) - (payload['iat'] as number)).toBe(3600);
    expect(new JwtService({ secret: SECRET }).verify(token)).toMatchObject({ sub: 'dev' });
  });

  it('uses the lifetime given and leaves sub out when no subject is given', () => {
    const { payload } = decode(signAccessToken({ secret: SECRET, scopes: ['orders:read'], expiresInSeconds: 90 }));
    expect((payload['exp'] as number) - (payload['iat'] as number)).toBe(90);
    expect(payload).not.toHaveProperty('sub');
  });

  it('refuses a secret the services would refuse, no scopes, a scope with a space and a bad lifetime', () => {
    expect(() => signAccessToken({ secret: 'short', scopes: ['orders:read'] })).toThrow(
      'signAccessToken: the secret has 5 characters; the services need at least 32',
    );
    expect(() => signAccessToken({ secret: SECRET, scopes: [] })).toThrow(
      'scopes must be non-empty names without spaces',
    );
    expect(() => signAccessToken({ secret: SECRET, scopes: ['orders:read orders:write'] })).toThrow(
      'scopes must be non-empty names without spaces',
    );
    expect(() => signAccessToken({ secret: SECRET, scopes: ['orders:read'], expiresInSeconds: 0 })).toThrow(
      'expiresInSeconds must be a positive whole number, got 0',
    );
  });
});
