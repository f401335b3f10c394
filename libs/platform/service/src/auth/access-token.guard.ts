import {
  type CanActivate,
  type ExecutionContext,
  ForbiddenException,
  Inject,
  Injectable,
  type OnApplicationBootstrap,
  ServiceUnavailableException,
  UnauthorizedException,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { InjectPinoLogger, PinoLogger } from 'nestjs-pino';

import { SERVICE_OPTIONS, type ServiceModuleOptions } from '../service-options';
import type { AccessToken } from './access-token';
import { AccessTokenVerifier } from './access-token-verifier';
import { bearerChallenge } from './bearer-challenge';
import { bearerToken } from './bearer-token';
import { InvalidTokenError } from './invalid-token.error';
import { KeySetUnavailableError } from './key-set-unavailable.error';
import { PUBLIC_ROUTE } from './public.decorator';
import { REQUIRED_SCOPE } from './require-scope.decorator';
import { defaultScope } from './required-scope';

/**
 * Every HTTP route of a domain needs a valid access token with the route's scope, unless it is
 * @Public(). Registered globally by ServiceModule, so a domain is closed without writing code.
 * 401 when the token is missing or proves nothing, 403 when it lacks the scope; both carry the
 * RFC 6750 `WWW-Authenticate` challenge. 503 when the issuer's key set cannot be fetched.
 */
@Injectable()
export class AccessTokenGuard implements CanActivate, OnApplicationBootstrap {
  private readonly domain: string;

  constructor(
    private readonly reflector: Reflector,
    private readonly verifier: AccessTokenVerifier,
    @Inject(SERVICE_OPTIONS) options: ServiceModuleOptions,
    @InjectPinoLogger(AccessTokenGuard.name) private readonly logger: PinoLogger,
  ) {
    this.domain = options.name;
  }

  onApplicationBootstrap(): void {
    if (this.verifier.algorithms.length > 0) return;
    this.logger.warn(
      'neither AUTH_JWKS_URL nor AUTH_JWKS_FILE is set: every API request is refused with 401 ' +
        '(run `npm run infra:up` for the development issuer; with NODE_ENV=production the service would not start)',
    );
  }

  async canActivate(context: ExecutionContext): Promise<boolean> {
    // Stream handlers (Redis Streams) share the app's guards; the broker's ACLs guard them.
    if (context.getType() !== 'http') return true;
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_ROUTE, targets)) return true;
    const http = context.switchToHttp();
    const request = http.getRequest<FastifyRequest>();
    const reply = http.getResponse<FastifyReply>();
    const scope =
      this.reflector.getAllAndOverride<string>(REQUIRED_SCOPE, targets) ?? defaultScope(this.domain, request.method);
    const token = await this.authenticate(request, reply);
    if (!token.scopes.has(scope)) throw this.forbidden(request, reply, token, scope);
    request.accessToken = token;
    return true;
  }

  private async authenticate(request: FastifyRequest, reply: FastifyReply): Promise<AccessToken> {
    try {
      return await this.verifier.verify(bearerToken(request.headers.authorization));
    } catch (error) {
      if (error instanceof KeySetUnavailableError) throw this.unavailable(reply, error);
      if (!(error instanceof InvalidTokenError)) throw error;
      const refusal = error.presented ? ({ error: 'invalid_token', description: error.message } as const) : undefined;
      void reply.header('www-authenticate', bearerChallenge(this.domain, refusal));
      throw new UnauthorizedException(error.message, { cause: error });
    }
  }

  private unavailable(reply: FastifyReply, error: KeySetUnavailableError): ServiceUnavailableException {
    // The cause (a URL, a socket error) is for the operator, not for the caller.
    this.logger.warn({ err: error.cause }, `${error.message}: requests with a token get 503 until it can`);
    void reply.header('retry-after', '5');
    return new ServiceUnavailableException(`${error.message}; try again shortly`);
  }

  private forbidden(
    request: FastifyRequest,
    reply: FastifyReply,
    token: AccessToken,
    scope: string,
  ): ForbiddenException {
    const route = `${request.method} ${request.routeOptions.url ?? request.url}`;
    const granted = token.scopes.size > 0 ? [...token.scopes].join(' ') : 'none';
    const message = `the token lacks scope "${scope}", which ${route} needs (it grants: ${granted})`;
    void reply.header(
      'www-authenticate',
      bearerChallenge(this.domain, { error: 'insufficient_scope', description: message, scope }),
    );
    return new ForbiddenException({ message, requiredScope: scope });
  }
}
