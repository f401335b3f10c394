import { applyDecorators, SetMetadata } from '@nestjs/common';
import { ApiExtension } from '@nestjs/swagger';

export const REQUIRED_SCOPE = 'mesh:required-scope';
/** Where the OpenAPI document names the scope an operation needs. */
export const REQUIRED_SCOPE_EXTENSION = 'x-required-scope';

/**
 * Replaces the default scope of a controller or a route (`<domain>:read` for GET and HEAD,
 * `<domain>:write` otherwise) with another, e.g. `@RequireScope('analytics:admin')` on operator
 * endpoints. The full scope name is given, so a route may also ask for another domain's scope.
 */
export const RequireScope = (scope: string): ClassDecorator & MethodDecorator => {
  if (!/^\S+$/.test(scope)) throw new Error(`RequireScope: "${scope}" is not a scope name (no spaces, not empty)`);
  return applyDecorators(SetMetadata(REQUIRED_SCOPE, scope), ApiExtension(REQUIRED_SCOPE_EXTENSION, scope));
};
