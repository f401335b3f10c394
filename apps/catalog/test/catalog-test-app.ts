import { createServiceApp } from '@mesh/service';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Writable } from 'node:stream';

import { CatalogModule } from '../src/app.module';
import { catalogServiceOptions } from '../src/service-options';

/** The catalog as main.ts wires it, reading the products at `productUrls`; warnings and errors kept in `logs`. */
export async function startCatalogApp(
  productUrls: readonly string[],
  env: Record<string, string> = {},
): Promise<{ app: NestFastifyApplication; logs: string[] }> {
  const logs: string[] = [];
  const app = await createServiceApp(CatalogModule, {
    ...catalogServiceOptions,
    env: { CATALOG_PRODUCTS: productUrls.join(','), CATALOG_MAX_AGE_MS: '0', LOG_LEVEL: 'warn', ...env },
    logDestination: new Writable({
      write(chunk: Buffer, _encoding, done) {
        logs.push(...chunk.toString('utf8').split('\n').filter(Boolean));
        done();
      },
    }),
  });
  return { app, logs };
}
