import { bearerChallenge } from './bearer-challenge';
import { bearerToken } from './bearer-token';
import { InvalidTokenError } from './invalid-token.error';

function refusal(header: string | undefined): InvalidTokenError {
  try {
    bearerToken(header);
  } catch (error) {
    if (error instanceof InvalidTokenError) return error;
    throw error;
  }
  throw new Error('expected the header to be refused');
}

describe('bearerToken', () => {
  it('takes the token of a Bearer header, whatever the case of the scheme', () => {
    expect(bearerToken('Bearer abc.DEF-_.g+/h=')).toBe('abc.DEF-_.g+/h=');
    expect(bearerToken('bearer  abc.def.ghi ')).toBe('abc.def.ghi');
  });

  it('says a missing token was not presented (no error code in the challenge)', () => {
    for (const header of [undefined, '', '  ']) {
      expect(refusal(header)).toMatchObject({
        presented: false,
        message: 'missing access token: send "Authorization: Bearer <token>"',
      });
    }
  });

  it('refuses other schemes and malformed values', () => {
    for (const header of ['Basic dXNlcjpwYXNz', 'Bearer', 'Bearer a b', 'Token abc', 'Bearer ab"c']) {
      expect(refusal(header)).toMatchObject({
        presented: true,
        message: 'the Authorization header must be "Bearer <token>"',
      });
    }
  });
});

describe('bearerChallenge', () => {
  it('is a bare challenge when no token came', () => {
    expect(bearerChallenge('orders')).toBe('Bearer realm="orders"');
  });

  it('names the error, and the scope when one is missing', () => {
    expect(bearerChallenge('orders', { error: 'invalid_token', description: 'the token expired' })).toBe(
      'Bearer realm="orders", error="invalid_token", error_description="the token expired"',
    );
    expect(
      bearerChallenge('orders', {
        error: 'insufficient_scope',
        description: 'lacks "orders:write"',
        scope: 'orders:write',
      }),
    ).toBe(
      `Bearer realm="orders", error="insufficient_scope", error_description="lacks 'orders:write'", scope="orders:write"`,
    );
  });

  it('keeps the header value printable ASCII without quotes or backslashes', () => {
    expect(bearerChallenge('orders', { error: 'invalid_token', description: 'a\\b "c"\né' })).toBe(
      `Bearer realm="orders", error="invalid_token", error_description="a'b 'c'??"`,
    );
  });
});
