import type { OrderPage, OrderResponse } from '@mesh/orders-contracts';
import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';

import { OrderIdParams } from '../orders/dto/order-id.params';
import { OrderPageDto, OrderResponseDto } from '../orders/dto/order-response.dto';
import { ListOrdersQueryDto } from './dto/list-orders.query';
import { OrderQueriesService } from './order-queries.service';

@ApiTags('orders')
@ApiBadRequestResponse({ description: 'A malformed id or query parameter; the message names it.' })
@Controller('orders')
export class OrderQueriesController {
  constructor(private readonly queries: OrderQueriesService) {}

  @Get()
  @ApiOkResponse({ type: OrderPageDto, description: 'One page of orders, newest first.' })
  list(@Query() query: ListOrdersQueryDto): Promise<OrderPage> {
    return this.queries.list(query);
  }

  @Get(':id')
  @ApiOkResponse({ type: OrderResponseDto })
  @ApiNotFoundResponse({ description: 'No order has this id.' })
  get(@Param() params: OrderIdParams): Promise<OrderResponse> {
    return this.queries.get(params.id);
  }
}
