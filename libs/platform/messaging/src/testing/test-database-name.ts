import { randomBytes } from 'node:crypto';

/** Every database a test makes starts with this, so that leftovers can be found. */
export const TEST_DATABASE_PREFIX = 'mesh_test_';

/**
 * A fresh database name for one test file: `mesh_test_<run>_<purpose>_<pid>_<random>`. `npm test`
 * sets MESH_TEST_RUN and, when the run ends, drops whatever its tests left behind under
 * `mesh_test_<run>_` (a test that failed half-way, a worker killed on a timeout) without touching
 * another run's databases.
 */
export function testDatabaseName(purpose: string): string {
  const run = process.env['MESH_TEST_RUN'] ?? 'adhoc';
  return `${TEST_DATABASE_PREFIX}${run}_${purpose}_${process.pid}_${randomBytes(4).toString('hex')}`;
}
