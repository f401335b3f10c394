import { DynamicModule, Module } from '@nestjs/common';

import { Arrivals } from '../../arrivals';
import { OrderPlacedController } from './order-placed.controller';

@Module({})
export class BenchMicroserviceModule {
  /** The controller reports what it receives to `arrivals`. */
  static reportingTo(arrivals: Arrivals): DynamicModule {
    return {
      module: BenchMicroserviceModule,
      controllers: [OrderPlacedController],
      providers: [{ provide: Arrivals, useValue: arrivals }],
    };
  }
}
