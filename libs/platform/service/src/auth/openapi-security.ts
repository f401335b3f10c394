import type { DocumentBuilder, OpenAPIObject } from '@nestjs/swagger';

import { PUBLIC_ROUTE_EXTENSION } from './public.decorator';
import { REQUIRED_SCOPE_EXTENSION } from './require-scope.decorator';
import { defaultScope } from './required-scope';

export const BEARER_SCHEME = 'bearer';
const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;

/** Declares the bearer scheme and asks for it on every operation (public ones opt out below). */
export function withBearerAuth(builder: DocumentBuilder, domain: string): DocumentBuilder {
  return builder
    .addBearerAuth(
      {
        type: 'http',
        scheme: 'bearer',
        bearerFormat: 'JWT',
        description:
          `A JWT of the mesh's identity provider (ES256, RS256 or EdDSA, checked against its key set), for ` +
          `audience \`${domain}\`, whose \`scope\` claim (space-separated) or \`scp\` claim (list) holds the ` +
          `operation's scope: \`${domain}:read\` for GET, \`${domain}:write\` otherwise, unless the operation's ` +
          `\`${REQUIRED_SCOPE_EXTENSION}\` says another. Locally: \`npm run mesh -- token --scopes ${domain}:read\`.`,
      },
      BEARER_SCHEME,
    )
    .addSecurityRequirements(BEARER_SCHEME);
}

/**
 * OpenAPI 3.0 lets only OAuth 2.0 schemes list scopes in a security requirement, so each
 * operation names its scope in `x-required-scope` and documents the 401 and 403 it may answer.
 */
export function documentScopes(document: OpenAPIObject, domain: string): OpenAPIObject {
  for (const path of Object.values(document.paths)) {
    for (const method of METHODS) {
      const operation = path[method] as (Record<string, unknown> & { responses?: Record<string, unknown> }) | undefined;
      if (!operation) continue;
      if (operation[PUBLIC_ROUTE_EXTENSION]) {
        // A controller-wide @RequireScope reaches its @Public() routes too; they need none.
        delete operation[PUBLIC_ROUTE_EXTENSION];
        delete operation[REQUIRED_SCOPE_EXTENSION];
        operation['security'] = [];
        continue;
      }
      const scope = (operation[REQUIRED_SCOPE_EXTENSION] as string | undefined) ?? defaultScope(domain, method);
      operation[REQUIRED_SCOPE_EXTENSION] = scope;
      operation.responses = {
        ...operation.responses,
        '401': { description: 'No access token, or one that is malformed, expired or wrongly signed.' },
        '403': { description: `The access token lacks scope \`${scope}\`.` },
      };
    }
  }
  return document;
}
