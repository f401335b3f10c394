import type { FastifyRequest } from 'fastify';

import type { AccessToken } from '../auth/access-token';
import { InvalidTokenError } from '../auth/invalid-token.error';
import { ClientKeys } from './client-key';

const request = (ip: string, authorization?: string) =>
  ({ ip, headers: authorization === undefined ? {} : { authorization } }) as unknown as FastifyRequest;

const token = (subject: string | undefined, expiresInMs = 60_000): AccessToken => ({
  subject,
  scopes: new Set(['orders:read']),
  expiresAt: new Date(Date.now() + expiresInMs),
});

describe('ClientKeys', () => {
  it('keys a request by the subject of a token that verifies', async () => {
    const keys = new ClientKeys(() => token('ada'));

    expect(await keys.of(request('10.0.0.1', 'Bearer good'))).toBe('sub:ada');
    expect(await keys.of(request('10.0.0.2', 'Bearer good'))).toBe('sub:ada');
  });

  it('keys a request by its address without a token, with a token that does not verify or names no subject', async () => {
    const keys = new ClientKeys((presented) => {
      if (presented === 'anonymous') return token(undefined);
      throw new InvalidTokenError('signature verification failed');
    });

    expect(await keys.of(request('10.0.0.1'))).toBe('ip:10.0.0.1');
    expect(await keys.of(request('10.0.0.1', 'Bearer forged'))).toBe('ip:10.0.0.1');
    expect(await keys.of(request('10.0.0.1', 'Basic dXNlcjpwYXNz'))).toBe('ip:10.0.0.1');
    expect(await keys.of(request('10.0.0.1', 'Bearer anonymous'))).toBe('ip:10.0.0.1');
  });

  it('keys an IPv6 client by its /64, which it may hold whole', async () => {
    const keys = new ClientKeys(undefined);

    expect(await keys.of(request('2001:db8:1:2::a'))).toBe(await keys.of(request('2001:db8:1:2:ffff::b')));
    expect(await keys.of(request('2001:db8:1:3::a'))).not.toBe(await keys.of(request('2001:db8:1:2::a')));
  });

  it('checks a token once while it is valid, and again once it expired', async () => {
    const check = jest.fn<AccessToken, [string]>().mockReturnValueOnce(token('ada', 50)).mockReturnValue(token('bob'));
    const keys = new ClientKeys(check);

    await keys.of(request('10.0.0.1', 'Bearer t'));
    await keys.of(request('10.0.0.1', 'Bearer t'));
    expect(check).toHaveBeenCalledTimes(1);

    await new Promise((resolve) => setTimeout(resolve, 60));
    expect(await keys.of(request('10.0.0.1', 'Bearer t'))).toBe('sub:bob');
    expect(check).toHaveBeenCalledTimes(2);
  });

  it('counts by address in a service without access tokens', async () => {
    const keys = new ClientKeys(undefined);

    expect(await keys.of(request('10.0.0.1', 'Bearer anything'))).toBe('ip:10.0.0.1');
  });
});
