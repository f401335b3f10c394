/** What a verified access token says about its caller; handlers read it as `request.accessToken`. */
export interface AccessToken {
  /** The `sub` claim: who the token was issued to, if it says. */
  readonly subject?: string;
  readonly scopes: ReadonlySet<string>;
  readonly expiresAt: Date;
}

declare module 'fastify' {
  interface FastifyRequest {
    /** Set by AccessTokenGuard on every route that is not @Public(). */
    accessToken?: AccessToken;
  }
}
