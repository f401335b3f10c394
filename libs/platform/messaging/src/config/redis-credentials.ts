/** Moved to `@mesh/service` with the Redis topology; still exported here for the CLI and the catalog. */
export { withRedisCredentials } from '@mesh/service';
