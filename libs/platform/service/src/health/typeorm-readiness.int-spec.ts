import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

import { createTestApp, type LogCapture } from '../../test/test-app';
import { FAILED_REASON } from '../http/public-failure';
import { typeOrmReadiness } from './typeorm-readiness';

const POSTGRES_URL = process.env['POSTGRES_URL'] ?? 'postgres://postgres@127.0.0.1:5432/postgres';

describe('typeOrmReadiness (real PostgreSQL)', () => {
  let app: NestFastifyApplication;
  let logs: LogCapture;

  beforeEach(async () => {
    ({ app, logs } = await createTestApp({
      imports: [TypeOrmModule.forRoot({ type: 'postgres', url: POSTGRES_URL, retryAttempts: 0 })],
      readiness: [typeOrmReadiness()],
    }));
  });

  afterEach(async () => {
    await app.close();
  });

  it('answers 200 when the database answers SELECT 1 through the app’s DataSource', async () => {
    const response = await app.inject({ method: 'GET', url: '/health/ready' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ details: { database: { status: 'up' } } });
  });

  it('answers 503 naming the database once the DataSource is gone', async () => {
    await app.get(DataSource).destroy();
    const response = await app.inject({ method: 'GET', url: '/health/ready' });
    expect(response.statusCode).toBe(503);
    expect(response.json()).toMatchObject({ message: `not ready: database (failed: ${FAILED_REASON})` });
    expect(logs.lines).toContainEqual(
      expect.objectContaining({ msg: 'readiness check "database" failed: DataSource is not initialized' }),
    );
  });

  it('closes the DataSource on shutdown (Nest shutdown hooks run)', async () => {
    const dataSource = app.get(DataSource);
    await app.close();
    expect(dataSource.isInitialized).toBe(false);
    ({ app } = await createTestApp());
  });
});
