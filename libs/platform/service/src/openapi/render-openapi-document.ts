import { NestFactory } from '@nestjs/core';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { OpenAPIObject } from '@nestjs/swagger';

import { type AppModule, type ServiceAppOptions, serviceHostModule } from '../bootstrap/create-service-app';
import { ServiceFastifyAdapter } from '../bootstrap/service-fastify-adapter';
import { buildOpenApiDocument } from './openapi';

/**
 * The document a service serves at /docs-json, built without starting the service: the same
 * module graph and the same builder, but in Nest's preview mode, which resolves the graph
 * (modules, controllers, their routes and metadata) without calling a constructor or factory. So
 * no configuration is validated and nothing connects to a database or broker: the contract gate
 * renders the document in about two seconds on a machine with no stores.
 */
export async function renderOpenApiDocument(
  appModule: AppModule,
  options: Pick<ServiceAppOptions, 'openApi'>,
): Promise<OpenAPIObject> {
  if (!options.openApi) {
    throw new Error('renderOpenApiDocument: the service options have no openApi; the service serves no document');
  }
  const app = await NestFactory.create<NestFastifyApplication>(
    serviceHostModule(appModule, {}),
    new ServiceFastifyAdapter(),
    { preview: true, logger: false, abortOnError: false },
  );
  try {
    return buildOpenApiDocument(app, options.openApi);
  } finally {
    await app.close();
  }
}
