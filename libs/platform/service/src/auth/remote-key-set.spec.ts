import { type JwksServer, serveJwks } from '../testing/jwks-server';
import { createTestIssuer } from '../testing/test-issuer';
import { AccessTokenVerifier } from './access-token-verifier';
import { InvalidTokenError } from './invalid-token.error';
import { KeySetUnavailableError } from './key-set-unavailable.error';

const ISSUER = 'https://idp.example';

describe('AccessTokenVerifier against AUTH_JWKS_URL', () => {
  const idp = createTestIssuer(ISSUER);
  let server: JwksServer;

  beforeAll(async () => {
    server = await serveJwks(() => idp.keySet());
  });

  afterAll(async () => {
    await server.close();
  });

  const verifier = (refetchCooldownMs?: number) =>
    new AccessTokenVerifier(
      { keys: { url: new URL(server.url) }, issuer: ISSUER, maxLifetimeSeconds: 3600, production: false },
      'orders',
      { refetchCooldownMs },
    );
  const token = () => idp.sign({ audience: 'orders', scopes: ['orders:read'] });

  it('fetches the key set once and checks every token against the cached copy', async () => {
    const orders = verifier();
    const before = server.fetches;
    for (let index = 0; index < 5; index += 1) await expect(orders.verify(token())).resolves.toBeDefined();
    expect(server.fetches - before).toBe(1);
  });

  it('picks up a rotated key: a token with a new kid fetches the key set again', async () => {
    const orders = verifier(0);
    await orders.verify(token());
    const before = server.fetches;
    const next = idp.rotate();
    const rotated = token();
    expect(JSON.parse(Buffer.from(rotated.split('.')[0], 'base64url').toString())).toMatchObject({ kid: next.kid });
    await expect(orders.verify(rotated)).resolves.toMatchObject({ scopes: new Set(['orders:read']) });
    expect(server.fetches - before).toBe(1);
  });

  it('fetches again for an unknown kid at most once per cooldown, and refuses it', async () => {
    const orders = verifier(60_000);
    await orders.verify(token());
    const before = server.fetches;
    const stranger = createTestIssuer(ISSUER).sign({ audience: 'orders', scopes: ['orders:read'] });
    for (let index = 0; index < 3; index += 1) {
      await expect(orders.verify(stranger)).rejects.toThrow(InvalidTokenError);
    }
    // Fetched within the cooldown: a flood of made-up kids cannot make the service hammer the issuer.
    expect(server.fetches - before).toBe(0);
  });

  it('says the keys cannot be fetched, rather than blame the token, when the URL does not answer', async () => {
    const gone = await serveJwks(() => idp.keySet());
    await gone.close();
    const orders = new AccessTokenVerifier(
      { keys: { url: new URL(gone.url) }, issuer: ISSUER, maxLifetimeSeconds: 3600, production: false },
      'orders',
    );
    const failure = orders.verify(token());
    await expect(failure).rejects.toThrow(KeySetUnavailableError);
    await expect(failure).rejects.toThrow('the keys that check access tokens cannot be fetched right now');
  });
});
