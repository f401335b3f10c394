// Test helpers for domains' integration tests (`@mesh/messaging/testing`): throwaway databases
// and a Redis server that a test can kill. Never imported by production code.
export { freePort } from './free-port';
export { KillableRedisServer } from './killable-redis-server';
export { dropTestDatabase, isFerretDb, mongoUrl, openTestDatabase } from './mongo-test-database';
export { sigkill } from './sigkill';
export { eventsOnStream } from './stream-events';
export { createTestDatabase, postgresUrl, type TestDatabase } from './test-database';
export { TEST_DATABASE_PREFIX, testDatabaseName } from './test-database-name';
export { onTestCluster, testRedis, testRedisEnv, testRedisTarget } from './test-redis';
export { eventually, redisUrl } from './test-streams';
