import type { NestFastifyApplication } from '@nestjs/platform-fastify';

import { createServiceApp, type ServiceAppOptions } from '../src';
import { TEST_AUTH_ENV } from './access-tokens';
import { TestAppModule, type TestAppOptions } from './test-app.module';

/** Collects what pino writes, one parsed JSON object per line. */
export class LogCapture {
  readonly raw: string[] = [];

  write(chunk: string): void {
    this.raw.push(...chunk.split('\n').filter((line) => line.length > 0));
  }

  get lines(): Record<string, unknown>[] {
    return this.raw.map((line) => JSON.parse(line) as Record<string, unknown>);
  }
}

export interface TestApp {
  readonly app: NestFastifyApplication;
  readonly logs: LogCapture;
}

export async function createTestApp(
  options: TestAppOptions & { env?: Record<string, string>; openApi?: ServiceAppOptions['openApi'] } = {},
): Promise<TestApp> {
  const logs = new LogCapture();
  const app = await createServiceApp(TestAppModule.register(options), {
    env: { LOG_LEVEL: 'info', ...TEST_AUTH_ENV, ...options.env },
    logDestination: logs,
    openApi: options.openApi,
  });
  return { app, logs };
}
