import type { OrderResponse } from '@mesh/orders-contracts';
import { Controller, HttpCode, HttpStatus, Param, Post } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBody,
  ApiConflictResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiTags,
} from '@nestjs/swagger';

import { OrderIdParams } from '../orders/dto/order-id.params';
import { OrderResponseDto } from '../orders/dto/order-response.dto';
import { CancelOrderDto } from './dto/cancel-order.dto';
import { OptionalBody } from './optional-body.decorator';
import { OrderTransitionsService } from './order-transitions.service';

@ApiTags('orders')
@ApiBadRequestResponse({ description: 'The id is not a UUID, or the body is invalid; the message names the field.' })
@ApiNotFoundResponse({ description: 'No order has this id.' })
@ApiConflictResponse({ description: 'The order is not placed any more; the message says its status.' })
@Controller('orders/:id')
export class OrderTransitionsController {
  constructor(private readonly transitions: OrderTransitionsService) {}

  @Post('cancel')
  @HttpCode(HttpStatus.OK)
  @ApiBody({ type: CancelOrderDto, required: false })
  @ApiOkResponse({ type: OrderResponseDto, description: 'The order, now cancelled.' })
  cancel(@Param() params: OrderIdParams, @OptionalBody('body') body: CancelOrderDto): Promise<OrderResponse> {
    return this.transitions.cancel(params.id, body.reason);
  }

  @Post('ship')
  @HttpCode(HttpStatus.OK)
  @ApiOkResponse({ type: OrderResponseDto, description: 'The order, now shipped.' })
  ship(@Param() params: OrderIdParams): Promise<OrderResponse> {
    return this.transitions.ship(params.id);
  }
}
