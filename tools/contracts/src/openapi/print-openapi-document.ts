/**
 * `node -r @swc-node/register tools/contracts/src/openapi/print-openapi-document.ts
 *  --app=<file>#<module export> --serviceOptions=<file>#<options export>`: prints the OpenAPI
 * document the service serves at /docs-json, as JSON on stdout.
 *
 * A process of its own because Nest needs the decorator metadata (`design:paramtypes`, which tells
 * Swagger a handler's DTO types) that SWC emits and tsx, which runs the contracts CLI, does not.
 */
import { type AppModule, renderOpenApiDocument, type ServiceAppOptions } from '@mesh/service';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { app: { type: 'string' }, serviceOptions: { type: 'string' } } });
  if (!values.app || !values.serviceOptions) {
    throw new Error('usage: print-openapi-document.ts --app=<file>#<export> --serviceOptions=<file>#<export>');
  }
  const appModule = loadExport(values.app, 'the Nest root module') as AppModule;
  const options = loadExport(values.serviceOptions, 'the service options (runService\'s second argument)');
  const document = await renderOpenApiDocument(appModule, options as ServiceAppOptions);
  process.stdout.write(`${JSON.stringify(document, null, 2)}\n`);
}

/** `apps/orders/src/app.module.ts#OrdersModule` → that export of that file. */
function loadExport(reference: string, what: string): unknown {
  const [file, name] = reference.split('#');
  if (!file || !name) throw new Error(`${reference}: expected <file>#<export> naming ${what}`);
   
  const module = require(resolve(file)) as Record<string, unknown>;
  if (module[name] === undefined) {
    throw new Error(`${file} has no export "${name}" (${what}); it exports: ${Object.keys(module).sort().join(', ')}`);
  }
  return module[name];
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
  process.exitCode = 1;
});
