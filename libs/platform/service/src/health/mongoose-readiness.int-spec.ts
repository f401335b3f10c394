import { getConnectionToken, MongooseModule } from '@nestjs/mongoose';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { Connection } from 'mongoose';

import { createTestApp, type LogCapture } from '../../test/test-app';
import { FAILED_REASON } from '../http/public-failure';
import { mongooseReadiness } from './mongoose-readiness';

const MONGODB_URL = process.env['CUSTOMERS_MONGODB_URL'] ?? 'mongodb://127.0.0.1:27017/customers';

describe('mongooseReadiness (real MongoDB-compatible server)', () => {
  let app: NestFastifyApplication;
  let logs: LogCapture;

  beforeEach(async () => {
    ({ app, logs } = await createTestApp({
      imports: [MongooseModule.forRoot(MONGODB_URL, { serverSelectionTimeoutMS: 2_000 })],
      readiness: [mongooseReadiness()],
    }));
  });

  afterEach(async () => {
    await app.close();
  });

  it('answers 200 when the server answers ping on the app’s connection', async () => {
    const response = await app.inject({ method: 'GET', url: '/health/ready' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ details: { mongodb: { status: 'up' } } });
  });

  it('answers 503 naming mongodb once the connection is closed', async () => {
    await app.get<Connection>(getConnectionToken()).close();
    const response = await app.inject({ method: 'GET', url: '/health/ready' });
    expect(response.statusCode).toBe(503);
    expect(response.json()).toMatchObject({ checks: { mongodb: { status: 'down', message: `failed: ${FAILED_REASON}` } } });
    expect(logs.lines).toContainEqual(
      expect.objectContaining({ msg: expect.stringMatching(/readiness check "mongodb" failed: .*not connected/) }),
    );
  });
});
