import { applyDecorators, SetMetadata } from '@nestjs/common';
import { ApiExtension } from '@nestjs/swagger';

export const PUBLIC_ROUTE = 'mesh:public-route';
/** Marks the route in the OpenAPI document, which then declares it needs no token. */
export const PUBLIC_ROUTE_EXTENSION = 'x-mesh-public';

/**
 * Opens a controller or a route to callers without a token. Only for what every caller must
 * reach before it can authenticate or to watch the service: health, metrics, the data-product
 * manifest. Everything else is closed by default (AccessTokenGuard).
 */
export const Public = (): ClassDecorator & MethodDecorator =>
  applyDecorators(SetMetadata(PUBLIC_ROUTE, true), ApiExtension(PUBLIC_ROUTE_EXTENSION, true));
