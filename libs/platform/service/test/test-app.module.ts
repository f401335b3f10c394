import {
  Body,
  ConflictException,
  Controller,
  type DynamicModule,
  Get,
  Module,
  Param,
  Post,
  Query,
} from '@nestjs/common';
import { createZodDto } from 'nestjs-zod';
import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { z } from 'zod';

import { defineConfig, envInt, type ReadinessCheck, ServiceModule, type ServiceModuleOptions } from '../src';

/** A domain concern, to show it is validated together with the base configuration. */
export const greetingConfig = defineConfig(
  'greeting',
  { GREETING: z.string().default('hello'), GREETING_REPEAT: envInt({ min: 1, max: 5 }).default(1) },
  (env) => ({ text: env.GREETING, repeat: env.GREETING_REPEAT }),
);

class CreateItemDto extends createZodDto(
  z.object({
    name: z.string().min(1),
    email: z.email(),
    quantity: z.number().int().positive(),
    tags: z.array(z.string()).optional(),
  }),
) {}

class ListItemsQuery extends createZodDto(z.object({ limit: z.coerce.number().int().min(1).max(100).optional() })) {}

class ItemParams extends createZodDto(z.object({ id: z.uuid() })) {}

class SlowQuery extends createZodDto(z.object({ ms: z.coerce.number().int().min(0).max(30_000) })) {}

@Controller('items')
class ItemsController {
  @Post()
  create(@Body() body: CreateItemDto): CreateItemDto & { id: string } {
    return { id: randomUUID(), ...body };
  }

  @Get()
  list(@Query() query: ListItemsQuery): { limit: number; items: unknown[] } {
    return { limit: query.limit ?? 10, items: [] };
  }

  @Get('slow')
  async slow(@Query() query: SlowQuery): Promise<{ waitedMs: number }> {
    await sleep(query.ms);
    return { waitedMs: query.ms };
  }

  @Get('boom')
  boom(): never {
    throw new Error('connect ECONNREFUSED db-internal:5432 (user=orders password=hunter2)');
  }

  /** What node-postgres throws when the database is away. */
  @Get('store-down')
  storeDown(): never {
    throw Object.assign(new Error('connect ECONNREFUSED 10.0.3.7:5432'), { code: 'ECONNREFUSED' });
  }

  @Get('conflict')
  conflict(): never {
    throw new ConflictException('item already exists');
  }

  @Get(':id')
  get(@Param() params: ItemParams): { id: string } {
    return { id: params.id };
  }
}

export interface TestAppOptions {
  readonly config?: ServiceModuleOptions['config'];
  readonly readiness?: readonly ReadinessCheck[];
  readonly imports?: DynamicModule['imports'];
  readonly access?: ServiceModuleOptions['access'];
}

/** A small domain as a real one would be written: one ServiceModule.forRoot and its controllers. */
@Module({})
export class TestAppModule {
  static register(options: TestAppOptions = {}): DynamicModule {
    return {
      module: TestAppModule,
      imports: [
        ServiceModule.forRoot({
          name: 'test-app',
          config: [greetingConfig, ...(options.config ?? [])],
          readiness: options.readiness,
          access: options.access,
        }),
        ...(options.imports ?? []),
      ],
      controllers: [ItemsController],
    };
  }
}
