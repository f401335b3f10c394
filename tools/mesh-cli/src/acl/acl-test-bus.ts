import { redisConfig } from '@mesh/messaging';
import { KillableRedisServer } from '@mesh/messaging/testing';
import { Redis } from 'ioredis';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { meshProducts } from '../products';
import { cliRedisOptions } from '../redis-url';
import { passwordVariable } from './acl-passwords';
import { ADMIN_USER, buildMeshAcl, meshAccess } from './mesh-acl';
import { CATALOG_USER, OPERATOR_USER } from './redis-access';

/**
 * A redis-server of the test's own, started with the ACL file that `npm run mesh -- acl`
 * writes for the real manifests (never the shared Redis: its users must not change). Each
 * user's password is random, with characters a URL must encode, and is kept in a file, as a
 * Swarm secret would be.
 */
export class AclTestBus {
  private readonly clients: Redis[] = [];

  private constructor(
    readonly server: KillableRedisServer,
    private readonly dir: string,
    readonly aclText: string,
  ) {}

  static async start(): Promise<AclTestBus> {
    const dir = mkdtempSync(join(tmpdir(), 'mesh-acl-'));
    const env: Record<string, string> = {};
    const users = meshAccess(meshProducts.map((product) => product.manifest)).map(({ user }) => user);
    for (const user of [...users, CATALOG_USER, ADMIN_USER]) {
      const file = join(dir, `${user}.password`);
      writeFileSync(file, `${randomBytes(12).toString('base64url')}@:/%#\n`);
      env[`${passwordVariable(user)}_FILE`] = file;
    }
    const { text } = buildMeshAcl(
      meshProducts.map((product) => product.manifest),
      { env, dev: false },
    );
    const aclFile = join(dir, 'users.acl');
    writeFileSync(aclFile, text);
    return new AclTestBus(await KillableRedisServer.start({ aclFile }), dir, text);
  }

  /** The URL a service of `user` builds: REDIS_URL plus REDIS_USERNAME and REDIS_PASSWORD_FILE. */
  urlAs(user: string): string {
    return withEnv(
      { REDIS_URL: this.server.url, REDIS_USERNAME: user, REDIS_PASSWORD_FILE: join(this.dir, `${user}.password`) },
      () => redisConfig().url,
    );
  }

  /** A connection as `user`, made as its real client makes it (the operator's as the CLI's), closed with the bus. */
  as(user: string): Redis {
    const options = user === OPERATOR_USER ? cliRedisOptions() : { maxRetriesPerRequest: 1 };
    const client = new Redis(this.urlAs(user), options);
    this.clients.push(client);
    return client;
  }

  /** A connection as the catalog makes it for its samples: no ready check (INFO), no name, no retry. */
  async asCatalog(): Promise<Redis> {
    const client = new Redis(this.urlAs(CATALOG_USER), {
      lazyConnect: true,
      enableReadyCheck: false,
      enableOfflineQueue: false,
      maxRetriesPerRequest: 0,
      retryStrategy: () => null,
    });
    this.clients.push(client);
    await client.connect();
    return client;
  }

  /** A connection that does not authenticate: the `default` user. */
  anonymous(): Redis {
    // No ready check: its INFO would fail with NOAUTH and close the connection before the test speaks.
    // RESP2 for the same reason: ioredis 6 opens with HELLO 3, which Redis refuses with NOAUTH to a
    // client that gives no credentials, and ioredis then closes the connection.
    const client = new Redis(this.server.url, {
      protocol: 2,
      enableReadyCheck: false,
      maxRetriesPerRequest: 0,
      retryStrategy: () => null,
    });
    client.on('error', () => undefined);
    this.clients.push(client);
    return client;
  }

  async close(): Promise<void> {
    for (const client of this.clients) client.disconnect();
    await this.server.kill();
    rmSync(this.dir, { recursive: true, force: true });
  }
}

const redisVariables = ['REDIS_URL', 'REDIS_URL_FILE', 'REDIS_USERNAME', 'REDIS_PASSWORD', 'REDIS_PASSWORD_FILE'];

/** redisConfig() reads process.env, as in a service: run it against exactly these variables. */
function withEnv<T>(env: Record<string, string>, read: () => T): T {
  const saved = redisVariables.map((name) => [name, process.env[name]] as const);
  for (const name of redisVariables) delete process.env[name];
  Object.assign(process.env, env);
  try {
    return read();
  } finally {
    for (const [name, value] of saved) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  }
}
