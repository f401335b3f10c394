import {
  createTestDatabase,
  freePort,
  KillableRedisServer,
  mongoUrl,
  type TestDatabase,
  testDatabaseName,
} from '@mesh/messaging/testing';
import { createTestIssuer, type JwksServer, serveJwks } from '@mesh/service/testing';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import mongoose from 'mongoose';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { startCatalogApp } from './catalog-test-app';
import { DomainProcess } from './domain-process';

const READY_TIMEOUT_MS = 180_000;

/**
 * The whole mesh on this machine, isolated from everything else running here: orders, customers
 * and analytics as processes of their own on free ports, on PostgreSQL and MongoDB-compatible
 * databases created for this run and on a redis-server of its own (so no stream, group or key is
 * shared with another test or with `npm start`), and the catalog reading them.
 */
export class RunningMesh {
  /** The identity provider of this run: a key pair of its own, so nothing leans on a known key. */
  private readonly issuer = createTestIssuer('catalog-test-issuer');
  private jwks: JwksServer | undefined;
  private readonly databases: TestDatabase[] = [];
  private customersDatabaseUrl: string | undefined;
  private redis: KillableRedisServer | undefined;
  readonly domains = new Map<string, DomainProcess>();
  catalog: NestFastifyApplication | undefined;
  catalogUrl = '';

  /** Starts it all; `extraProductUrls` are added to the catalog's CATALOG_PRODUCTS after the three domains. */
  static async start(extraProductUrls: readonly string[] = []): Promise<RunningMesh> {
    const mesh = new RunningMesh();
    try {
      await mesh.startAll(extraProductUrls);
      return mesh;
    } catch (error) {
      await mesh.stop();
      throw error;
    }
  }

  private async startAll(extraProductUrls: readonly string[]): Promise<void> {
    const [orders, analytics] = await Promise.all([
      createTestDatabase('catalog_orders'),
      createTestDatabase('catalog_analytics'),
    ]);
    this.databases.push(orders, analytics);
    const customers = new URL(mongoUrl());
    customers.pathname = `/${testDatabaseName('catalog_customers')}`;
    this.customersDatabaseUrl = customers.toString();
    this.redis = await KillableRedisServer.start();
    this.jwks = await serveJwks(() => this.issuer.keySet());
    const common = {
      REDIS_URL: this.redis.url,
      // The domains fetch the issuer's keys as in production; not the developer's .mesh/env, whose
      // AUTH_JWKS_FILE (inherited too, and emptied here) names the development issuer's.
      AUTH_JWKS_URL: this.jwks.url,
      AUTH_JWKS_FILE: '',
      AUTH_ISSUER: this.issuer.issuer,
      MESH_ENV_FILE: join(tmpdir(), 'catalog-test-no-env-file'),
      LOG_LEVEL: 'warn',
    };
    const started = await Promise.all([
      this.startDomain('orders', { ...common, ORDERS_DATABASE_URL: orders.url }),
      this.startDomain('customers', { ...common, CUSTOMERS_MONGODB_URL: this.customersDatabaseUrl }),
      this.startDomain('analytics', { ...common, ANALYTICS_DATABASE_URL: analytics.url }),
    ]);
    const productUrls = [...started.map((domain) => domain.url), ...extraProductUrls];
    ({ app: this.catalog } = await startCatalogApp(productUrls, { CATALOG_FETCH_TIMEOUT_MS: '3000' }));
    await this.catalog.listen({ port: 0, host: '127.0.0.1' });
    this.catalogUrl = (await this.catalog.getUrl()).replace('[::1]', '127.0.0.1');
  }

  private async startDomain(name: string, env: Record<string, string>): Promise<DomainProcess> {
    const domain = await DomainProcess.start(name, await freePort(), env, READY_TIMEOUT_MS);
    this.domains.set(name, domain);
    return domain;
  }

  domain(name: string): DomainProcess {
    const domain = this.domains.get(name);
    if (!domain) throw new Error(`${name} is not running`);
    return domain;
  }

  /** An `authorization` header for the domain the scopes name (`customers:write` → audience customers). */
  authorization(...scopes: string[]): { authorization: string } {
    const audience = [...new Set(scopes.map((scope) => scope.split(':')[0]))];
    return { authorization: `Bearer ${this.issuer.sign({ audience, scopes, subject: 'catalog-test' })}` };
  }

  async stop(): Promise<void> {
    await this.catalog?.close();
    await Promise.all([...this.domains.values()].map((domain) => domain.stop()));
    await this.redis?.kill();
    await this.jwks?.close();
    await Promise.all(this.databases.map((database) => database.drop()));
    if (this.customersDatabaseUrl) {
      const connection = await mongoose.createConnection(this.customersDatabaseUrl).asPromise();
      await connection.dropDatabase();
      await connection.close();
    }
  }
}

