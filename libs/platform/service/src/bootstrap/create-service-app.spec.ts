import { Controller, Get, Inject, Module } from '@nestjs/common';
import { ConfigService, type ConfigType } from '@nestjs/config';

import { authorized } from '../../test/access-tokens';
import { createTestApp } from '../../test/test-app';
import { greetingConfig, TestAppModule } from '../../test/test-app.module';
import { ConfigValidationError } from '../config/config-validation.error';
import { SERVICE_CONFIG, type ServiceConfig } from '../config/service-config';
import { createServiceApp } from './create-service-app';

@Controller('greeting')
class GreetingController {
  constructor(@Inject(greetingConfig.KEY) private readonly greeting: ConfigType<typeof greetingConfig>) {}

  @Get()
  greet(): { text: string } {
    return { text: Array.from({ length: this.greeting.repeat }, () => this.greeting.text).join(' ') };
  }
}

@Module({ controllers: [GreetingController] })
class GreetingModule {}

describe('createServiceApp', () => {
  it('validates the base and domain configuration together, from the given environment', async () => {
    const { app } = await createTestApp({
      env: { PORT: '4100', GREETING: 'hej', GREETING_REPEAT: '2' },
      imports: [GreetingModule],
    });
    try {
      expect(app.get<ServiceConfig>(SERVICE_CONFIG)).toMatchObject({
        port: 4100,
        host: '0.0.0.0',
        bodyLimitBytes: 1_048_576,
      });
      // A feature module injects its concern with the usual registerAs idiom…
      expect((await app.inject({ method: 'GET', url: '/greeting', headers: authorized() })).json()).toEqual({
        text: 'hej hej',
      });
      // …and ConfigService sees the same validated values.
      expect(app.get(ConfigService).get<number>('greeting.repeat')).toBe(2);
      expect(app.get(ConfigService).get<number>('service.port')).toBe(4100);
    } finally {
      await app.close();
    }
  });

  it('listens on 3000 when neither PORT nor the mesh registry gives the service a port', async () => {
    const { app } = await createTestApp();
    try {
      expect(app.get<ServiceConfig>(SERVICE_CONFIG).port).toBe(3000);
    } finally {
      await app.close();
    }
  });

  it('rejects with every configuration problem, base and domain', async () => {
    const started = createServiceApp(TestAppModule.register(), {
      env: { BODY_LIMIT_BYTES: '1MB', GREETING_REPEAT: 'x' },
    });
    await expect(started).rejects.toThrow(ConfigValidationError);
    await expect(started).rejects.toMatchObject({
      problems: [
        { variable: 'BODY_LIMIT_BYTES', message: 'must be an integer' },
        { variable: 'GREETING_REPEAT', message: 'must be an integer' },
      ],
    });
  });

  it('explains what is missing when the module does not import ServiceModule', async () => {
    @Module({})
    class BareModule {}
    await expect(createServiceApp(BareModule)).rejects.toThrow(
      'createServiceApp: the app module must import ServiceModule.forRoot({ name, … })',
    );
  });
});
