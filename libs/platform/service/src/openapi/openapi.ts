import type { INestApplication } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, type OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { cleanupOpenApiDoc } from 'nestjs-zod';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

import { documentScopes, withBearerAuth } from '../auth/openapi-security';
import type { FastifyServer } from '../http/fastify-server';
import { SERVICE_OPTIONS, type ServiceModuleOptions } from '../service-options';

export interface OpenApiOptions {
  readonly title: string;
  readonly version?: string;
  readonly description?: string;
}

const DOCS_PATH = '/docs';
const INITIALIZER = 'swagger-initializer.js';

/**
 * The page runs nothing inline (its start-up script is a file of its own) and talks to nothing but
 * this service. Swagger UI sets inline styles and draws its icons from data: URIs.
 */
const DOCS_CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

// SwaggerModule's UI needs @fastify/static, which is not a dependency here, so
// the page is served directly. A fixed list of files also means no path from
// the URL ever reaches the file system.
const ASSETS: Readonly<Record<string, string>> = {
  'swagger-ui.css': 'text/css; charset=utf-8',
  'swagger-ui-bundle.js': 'application/javascript; charset=utf-8',
  'swagger-ui-standalone-preset.js': 'application/javascript; charset=utf-8',
};

/**
 * Serves the OpenAPI document at /docs-json and Swagger UI at /docs. Call before app.init().
 * Both are open (plain Fastify routes, which the access-token guard never sees): the document
 * holds no data, only the API's shape, and a client needs it to learn how to get in.
 */
export function serveOpenApi(app: NestFastifyApplication, options: OpenApiOptions): void {
  let document: OpenAPIObject | undefined;
  // Built on first request: scanning every route costs start-up time for a page few people open.
  const getDocument = (): OpenAPIObject => (document ??= buildOpenApiDocument(app, options));
  SwaggerModule.setup(DOCS_PATH, app, getDocument, { ui: false, raw: ['json'] });
  serveSwaggerUi(app.getHttpAdapter().getInstance(), options.title);
}

/**
 * The service's OpenAPI document, from the controllers and zod DTOs of the application's module
 * graph. The one builder: /docs-json serves it, and renderOpenApiDocument (the committed
 * document the contract gate compares) calls it on a graph that connects to nothing.
 */
export function buildOpenApiDocument(app: INestApplication, options: OpenApiOptions): OpenAPIObject {
  const domain = app.get<ServiceModuleOptions>(SERVICE_OPTIONS).name;
  const builder = new DocumentBuilder()
    .setTitle(options.title)
    .setVersion(options.version ?? '1.0.0')
    .setDescription(options.description ?? '');
  const config = withBearerAuth(builder, domain).build();
  return documentScopes(cleanupOpenApiDoc(SwaggerModule.createDocument(app, config)), domain);
}

function serveSwaggerUi(fastify: FastifyServer, title: string): void {
  const page = swaggerPage(title);
  fastify.get(DOCS_PATH, async (_request, reply) =>
    reply
      .type('text/html; charset=utf-8')
      .header('content-security-policy', DOCS_CONTENT_SECURITY_POLICY)
      .send(page),
  );
  fastify.get<{ Params: { asset: string } }>(`${DOCS_PATH}/:asset`, async (request, reply) => {
    if (request.params.asset === INITIALIZER) {
      return reply.type('application/javascript; charset=utf-8').send(SWAGGER_INITIALIZER);
    }
    const type = ASSETS[request.params.asset];
    if (!type) {
      reply.callNotFound();
      return reply;
    }
    const content = await readFile(join(swaggerUiDirectory(), request.params.asset));
    return reply.type(type).header('cache-control', 'public, max-age=86400').send(content);
  });
}

// swagger-ui-dist is @nestjs/swagger's dependency, so it is resolved from there
// rather than imported as if it were ours.
function swaggerUiDirectory(): string {
  const fromSwagger = createRequire(require.resolve('@nestjs/swagger'));
  return dirname(fromSwagger.resolve('swagger-ui-dist/package.json'));
}

function swaggerPage(title: string): string {
  const safeTitle = title.replace(/[<>&"]/g, (c) => `&#${c.charCodeAt(0)};`);
  return `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>${safeTitle}</title>
  <link rel="stylesheet" href="${DOCS_PATH}/swagger-ui.css">
</head>
<body>
  <div id="swagger-ui"></div>
  <script src="${DOCS_PATH}/swagger-ui-bundle.js"></script>
  <script src="${DOCS_PATH}/swagger-ui-standalone-preset.js"></script>
  <script src="${DOCS_PATH}/${INITIALIZER}"></script>
</body>
</html>`;
}

const SWAGGER_INITIALIZER = `window.ui = SwaggerUIBundle({
  url: '${DOCS_PATH}-json',
  dom_id: '#swagger-ui',
  presets: [SwaggerUIBundle.presets.apis, SwaggerUIStandalonePreset],
  layout: 'StandaloneLayout',
});
`;
