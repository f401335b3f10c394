import { defaultScope } from './required-scope';
import { tokenScopes } from './token-scopes';

describe('tokenScopes', () => {
  it('splits the OAuth 2.0 scope claim on any whitespace', () => {
    expect([...tokenScopes({ scope: ' orders:read  orders:write\tcustomers:read ' })]).toEqual([
      'orders:read',
      'orders:write',
      'customers:read',
    ]);
  });

  it('adds an scp list or string and ignores what is not a string', () => {
    expect([...tokenScopes({ scp: ['orders:read', 7, '', null, 'analytics:read'] })]).toEqual([
      'orders:read',
      'analytics:read',
    ]);
    expect([...tokenScopes({ scp: 'orders:read orders:write', scope: 'orders:read' })].sort()).toEqual([
      'orders:read',
      'orders:write',
    ]);
  });

  it('grants nothing without either claim or with claims of another type', () => {
    expect(tokenScopes({}).size).toBe(0);
    expect(tokenScopes({ scope: 42, scp: { orders: 'read' } }).size).toBe(0);
  });
});

describe('defaultScope', () => {
  it('asks GET and HEAD for read, every other method for write', () => {
    expect(['GET', 'HEAD', 'get'].map((method) => defaultScope('orders', method))).toEqual([
      'orders:read',
      'orders:read',
      'orders:read',
    ]);
    expect(['POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'].map((method) => defaultScope('orders', method))).toEqual(
      Array(5).fill('orders:write'),
    );
  });
});
