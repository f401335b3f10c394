// Public surface of @mesh/service. Everything else under src/ is internal.

export type { AccessToken } from './auth/access-token';
export { type AuthConfig, authConfig } from './auth/auth-config';
export { ACCEPTED_ALGORITHMS, type AcceptedAlgorithm, type PublicJwk, type PublicKeySet } from './auth/key-set';
export { Public } from './auth/public.decorator';
export { RequireScope } from './auth/require-scope.decorator';
export { defaultScope } from './auth/required-scope';
export { type AccessTokenRequest, signAccessToken, type TokenSigningKey } from './auth/sign-access-token';
export {
  generateSigningKey,
  jwkThumbprint,
  type PrivateSigningJwk,
  publicJwkOf,
  publicKeySet,
  type SigningKeyPair,
} from './auth/signing-key';
export { type AppModule, createServiceApp, type ServiceAppOptions } from './bootstrap/create-service-app';
export { runService } from './bootstrap/run-service';
export { type ConfigProblem,ConfigValidationError } from './config/config-validation.error';
export { type ConfigDefinition,defineConfig } from './config/define-config';
export {
  envBool,
  envInt,
  envList,
  envNumber,
  envPort,
  envUrl,
  type IntBounds,
  type NumberBounds,
} from './config/env-schemas';
export { localRegistryPort } from './config/local-registry-port';
export { SERVICE_CONFIG, type ServiceConfig } from './config/service-config';
export type {
  DataProductOptions,
  DataProductStatusProbe,
  DataProductStatusSource,
  MeasuredFigures,
} from './data-product/data-product-status-source';
export type { ResourceSampler } from './data-product/quality/data-quality-monitor';
export { evaluateRule, type QualitySample } from './data-product/quality/quality-evaluator';
export { checkServiceLevels } from './data-product/service-level-checks';
export { ConflictError, DomainError, NotFoundError, RuleViolationError } from './domain/domain-errors';
export { indicatorReadiness } from './health/indicator-readiness';
export { mongooseReadiness, type MongooseReadinessOptions } from './health/mongoose-readiness';
export {
  type ProviderToken,
  type ReadinessCheck,
  readinessCheck,
  type ReadinessContext,
  type ReadinessProbe,
} from './health/readiness-check';
export { redisReadiness, type RedisReadinessOptions } from './health/redis-readiness';
export { typeOrmReadiness, type TypeOrmReadinessOptions } from './health/typeorm-readiness';
export type { ErrorBody } from './http/error-response';
export { type FieldIssue,RequestValidationException } from './http/request-validation.exception';
export { REQUEST_ID_HEADER } from './logging/request-id';
export { UNMATCHED_ROUTE } from './metrics/http-metrics';
export type { OpenApiOptions } from './openapi/openapi';
export { renderOpenApiDocument } from './openapi/render-openapi-document';
export {
  createRedisClient,
  duplicateClient,
  isCluster,
  type RedisClient,
  type RedisTarget,
  sentinelOptions,
} from './redis/create-redis-client';
export {
  type RedisCredentials,
  type RedisEndpoint,
  type RedisTopology,
  redisTopology,
  type RedisTopologyEnv,
  redisTopologyVariables,
  redisUsername,
  withRedisCredentials,
} from './redis/redis-topology';
export { ServiceModule } from './service.module';
export { SERVICE_OPTIONS, type ServiceModuleOptions, type ServiceRuntime } from './service-options';
export { ShutdownState } from './shutdown/shutdown-state';
