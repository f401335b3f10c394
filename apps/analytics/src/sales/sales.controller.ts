import type { DailySalesResponse } from '@mesh/analytics-contracts';
import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';

import { resolveDateRange } from '../date-range/date-range';
import { DailySalesRepository } from './daily-sales.repository';
import { DailySalesQuery } from './dto/daily-sales.query';

@ApiTags('sales')
@Controller('sales')
export class SalesController {
  constructor(private readonly dailySales: DailySalesRepository) {}

  @Get('daily')
  @ApiOkResponse({ description: 'Orders, revenue and cancellations per UTC day and currency (minor units).' })
  async daily(@Query() query: DailySalesQuery): Promise<DailySalesResponse> {
    const range = resolveDateRange(query);
    const days = await this.dailySales.find(range, query.currency);
    return { ...range, currency: query.currency ?? null, days };
  }
}
