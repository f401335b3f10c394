import type { DailySalesResponse } from '@mesh/analytics-contracts';
import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';

import { resolveDateRange } from '../date-range/date-range';
import { DailySalesStore } from './daily-sales-store';
import { DailySalesQuery } from './dto/daily-sales.query';

@ApiTags('sales')
@Controller('sales')
export class SalesController {
  constructor(private readonly dailySales: DailySalesStore) {}

  @Get('daily')
  @ApiOkResponse({ description: 'Orders, revenue and cancellations per UTC day and currency (minor units).' })
  async daily(@Query() query: DailySalesQuery): Promise<DailySalesResponse> {
    const range = resolveDateRange(query);
    const days = await this.dailySales.find(range, query.currency);
    return { ...range, currency: query.currency ?? null, days };
  }
}
