import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { passwordVariable, readPasswords, sha256 } from './acl-passwords';

function secretFile(content: string): string {
  const file = join(mkdtempSync(join(tmpdir(), 'acl-passwords-')), 'secret');
  writeFileSync(file, content);
  return file;
}

describe('passwords of the ACL users', () => {
  it('names the variable after the user', () => {
    expect(passwordVariable('orders')).toBe('REDIS_PASSWORD_ORDERS');
    expect(passwordVariable('mesh-operator')).toBe('REDIS_PASSWORD_MESH_OPERATOR');
  });

  it('reads the variable, or the secret file without its trailing newline', () => {
    const passwords = readPasswords(['orders', 'customers'], {
      REDIS_PASSWORD_ORDERS: 'o-pass',
      REDIS_PASSWORD_CUSTOMERS_FILE: secretFile('c-pass\n'),
    });
    expect(Object.fromEntries(passwords)).toEqual({ orders: 'o-pass', customers: 'c-pass' });
  });

  it('refuses at once every user without a usable password, saying what to set', () => {
    const read = () =>
      readPasswords(['orders', 'customers', 'analytics', 'mesh-operator'], {
        REDIS_PASSWORD_CUSTOMERS: 'x',
        REDIS_PASSWORD_CUSTOMERS_FILE: secretFile('y'),
        REDIS_PASSWORD_ANALYTICS_FILE: secretFile('\n'),
        REDIS_PASSWORD_MESH_OPERATOR_FILE: '/nonexistent/secret',
      });
    expect(read).toThrow('orders: set REDIS_PASSWORD_ORDERS or REDIS_PASSWORD_ORDERS_FILE');
    expect(read).toThrow(
      'customers: both REDIS_PASSWORD_CUSTOMERS and REDIS_PASSWORD_CUSTOMERS_FILE are set; set only one',
    );
    expect(read).toThrow(/analytics: REDIS_PASSWORD_ANALYTICS_FILE ".*" is empty/);
    expect(read).toThrow(/mesh-operator: cannot read REDIS_PASSWORD_MESH_OPERATOR_FILE "\/nonexistent\/secret"/);
    expect(read).toThrow(/--dev/);
  });

  it('hashes with SHA-256 as Redis expects after #', () => {
    expect(sha256('foobar')).toBe('c3ab8ff13720e8ad9047dd39466b3c8974e592c2fa383d4a3960714caef0c4f2');
  });
});
