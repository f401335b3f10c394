import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { UsageError } from '../commands';
import { meshProducts } from '../products';
import { aclCommand } from './acl-command';
import { devPassword, passwordVariable, sha256 } from './acl-passwords';

// Every user of the mesh as it is listed in products.ts, so that a new domain needs no change here.
const users = [...meshProducts.map(({ manifest }) => manifest.domain), 'mesh-operator'];
const passwords = Object.fromEntries(users.map((user) => [passwordVariable(user), `${user}-secret`]));

async function run(args: string[], env: Record<string, string>) {
  const printed: string[] = [];
  const notes: string[] = [];
  await aclCommand(env, (line) => notes.push(line)).run(args, (line) => printed.push(line));
  return { printed, notes };
}

describe('npm run mesh -- acl', () => {
  it('prints the file: default off, then one user per domain and the operator, with hashed passwords only', async () => {
    const { printed, notes } = await run([], passwords);
    const lines = printed.join('\n').split('\n');
    expect(lines.map((line) => line.split(' ').slice(0, 3).join(' '))).toEqual([
      'user default off',
      ...users.map((user) => `user ${user} on`),
    ]);
    expect(users.slice(0, 3)).toEqual(['orders', 'customers', 'analytics']);
    expect(lines[1]).toContain(`#${sha256('orders-secret')}`);
    expect(printed.join('\n')).not.toMatch(/ >| nopass/);
    expect(notes).toEqual([
      'no mesh-admin user (set REDIS_PASSWORD_MESH_ADMIN[_FILE] for one that may run ACL LOAD)',
      "no mesh-catalog user (set REDIS_PASSWORD_MESH_CATALOG[_FILE] for the catalog's live samples)",
    ]);
  });

  it('writes --out and adds the admin user when its password is given', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'mesh-acl-')), 'users.acl');
    const { printed } = await run(['--out', file], { ...passwords, REDIS_PASSWORD_MESH_ADMIN: 'root' });
    expect(printed).toEqual([`wrote ${file}: default off; users ${[...users, 'mesh-admin'].join(', ')}`]);
    expect((statSync(file).mode & 0o777).toString(8)).toBe('600');
    expect(readFileSync(file, 'utf8')).toMatch(
      new RegExp(`\\nuser mesh-admin on #${sha256('root')} ~\\* &\\* \\+@all\\n$`),
    );
  });

  it("adds the catalog's user when its password is given: it may only read the output streams, and nothing key-less", async () => {
    const { printed, notes } = await run([], { ...passwords, REDIS_PASSWORD_MESH_CATALOG: 'catalog-secret' });
    const line = printed.join('\n').split('\n').find((candidate) => candidate.startsWith('user mesh-catalog '));
    expect(line).toBe(
      `user mesh-catalog on #${sha256('catalog-secret')} resetkeys resetchannels -@all ` +
        '(~{orders.order.v1} ~{customers.customer.v1} ~{analytics.sales.v1} +xrevrange +xrange)',
    );
    expect(notes.join('\n')).not.toContain('mesh-catalog');
  });

  it('refuses without passwords, naming every variable', async () => {
    await expect(run([], { REDIS_PASSWORD_ORDERS: 'o' })).rejects.toThrow(
      /customers: set REDIS_PASSWORD_CUSTOMERS[\s\S]*analytics: set REDIS_PASSWORD_ANALYTICS[\s\S]*mesh-operator: set REDIS_PASSWORD_MESH_OPERATOR/,
    );
  });

  it('uses fixed development passwords with --dev, and says so', async () => {
    const { printed, notes } = await run(['--dev'], {});
    expect(printed.join('\n')).toContain(`user orders on #${sha256(devPassword('orders'))} `);
    expect(printed.join('\n')).toContain(`user mesh-admin on #${sha256(devPassword('mesh-admin'))} `);
    expect(printed.join('\n')).toContain(`user mesh-catalog on #${sha256(devPassword('mesh-catalog'))} `);
    expect(notes[0]).toMatch(/^--dev: fixed development passwords \(mesh-dev-<user>/);
  });

  it('refuses an unknown argument or --out without a file', async () => {
    await expect(run(['--force'], passwords)).rejects.toThrow(UsageError);
    await expect(run(['--out'], passwords)).rejects.toThrow(UsageError);
  });
});
