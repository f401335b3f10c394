import { Module } from '@nestjs/common';

import { DailySalesRepository } from './daily-sales.repository';
import { SalesController } from './sales.controller';

@Module({ controllers: [SalesController], providers: [DailySalesRepository] })
export class SalesModule {}
