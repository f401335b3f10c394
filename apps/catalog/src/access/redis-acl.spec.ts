import { mayRun, parseAclFile } from './redis-acl';

// Lines as `npm run mesh -- acl` writes them (hashes shortened).
const ACL = [
  'user default off resetpass resetkeys resetchannels -@all',
  'user orders on #0a1b resetkeys resetchannels -@all +ping +info (~{orders.order.v1} +xadd +xlen) (~{customers.customer.v1} ~{customers.customer.v1}:redrive:orders-* +xreadgroup +xack)',
  'user mesh-catalog on #9f8e resetkeys resetchannels -@all (~{orders.order.v1} ~{customers.customer.v1} +xrevrange +xrange)',
  'user mesh-admin on #ffff ~* &* +@all',
].join('\n');

describe('parseAclFile', () => {
  const users = parseAclFile(ACL);
  const user = (name: string) => users.find((candidate) => candidate.user === name);

  it('reads each user, on or off, with its root rules and its selectors, and never its password', () => {
    expect(users.map((candidate) => `${candidate.user} ${candidate.enabled ? 'on' : 'off'}`)).toEqual([
      'default off',
      'orders on',
      'mesh-catalog on',
      'mesh-admin on',
    ]);
    expect(user('orders')?.rules).toEqual([
      { keys: [], commands: ['ping', 'info'] },
      { keys: ['{orders.order.v1}'], commands: ['xadd', 'xlen'] },
      { keys: ['{customers.customer.v1}', '{customers.customer.v1}:redrive:orders-*'], commands: ['xreadgroup', 'xack'] },
    ]);
    expect(JSON.stringify(users)).not.toMatch(/0a1b|9f8e|ffff/);
  });

  it('answers whether a user may run commands on a key: one rule must allow them all', () => {
    expect(mayRun(user('orders'), '{customers.customer.v1}', ['xreadgroup', 'xack'])).toBe(true);
    expect(mayRun(user('orders'), '{customers.customer.v1}:redrive:orders-rebuild-1', ['xreadgroup'])).toBe(true);
    expect(mayRun(user('orders'), '{orders.order.v1}', ['xreadgroup'])).toBe(false);
    expect(mayRun(user('orders'), '{orders.order.v1}', ['xadd', 'xreadgroup'])).toBe(false);
    expect(mayRun(user('mesh-catalog'), '{orders.order.v1}', ['xrevrange'])).toBe(true);
    expect(mayRun(user('mesh-catalog'), '{analytics.sales.v1}', ['xrevrange'])).toBe(false);
    expect(mayRun(user('mesh-admin'), '{anything}', ['xreadgroup'])).toBe(true);
    expect(mayRun(user('default'), '{orders.order.v1}', ['xrevrange'])).toBe(false);
    expect(mayRun(undefined, '{orders.order.v1}', ['xrevrange'])).toBe(false);
  });

  it('takes glob characters in a pattern, and nothing else, as wildcards', () => {
    const [dotted] = parseAclFile('user x on (~{a.b}* +get)');
    expect(mayRun(dotted, '{a.b}:1', ['get'])).toBe(true);
    expect(mayRun(dotted, '{aXb}:1', ['get'])).toBe(false);
  });

  it('applies a later -command and off', () => {
    const [revoked] = parseAclFile('user x on ~k +get +set -set off');
    expect(revoked.rules[0].commands).toEqual(['get']);
    expect(revoked.enabled).toBe(false);
  });
});
