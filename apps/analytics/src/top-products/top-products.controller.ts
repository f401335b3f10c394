import type { TopProductsResponse } from '@mesh/analytics-contracts';
import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';

import { resolveDateRange } from '../date-range/date-range';
import { DEFAULT_TOP_PRODUCTS, TopProductsQuery } from './dto/top-products.query';
import { TopProductsStore } from './top-products-store';

@ApiTags('products')
@Controller('products')
export class TopProductsController {
  constructor(private readonly topProducts: TopProductsStore) {}

  @Get('top')
  @ApiOkResponse({ description: 'Best-selling products by units over the range, with revenue per currency.' })
  async top(@Query() query: TopProductsQuery): Promise<TopProductsResponse> {
    const range = resolveDateRange(query);
    const limit = query.limit ?? DEFAULT_TOP_PRODUCTS;
    return { ...range, limit, products: await this.topProducts.find(range, limit) };
  }
}
