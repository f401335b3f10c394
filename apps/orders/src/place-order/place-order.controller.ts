import type { OrderResponse } from '@mesh/orders-contracts';
import { Body, Controller, Post, Res } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiHeader,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';

import {
  IDEMPOTENCY_KEY_HEADER,
  IDEMPOTENCY_KEY_MAX_LENGTH,
  IdempotencyKey,
} from '../idempotency/idempotency-key.header';
import { OrderResponseDto } from '../orders/dto/order-response.dto';
import { PlaceOrderDto } from './dto/place-order.dto';
import { PlaceOrderService } from './place-order.service';

/** Set on a response that repeats the first response to the same Idempotency-Key. */
export const IDEMPOTENT_REPLAYED_HEADER = 'Idempotent-Replayed';

@ApiTags('orders')
@Controller('orders')
export class PlaceOrderController {
  constructor(private readonly placeOrder: PlaceOrderService) {}

  @Post()
  @ApiHeader({
    name: IDEMPOTENCY_KEY_HEADER,
    required: false,
    description: 'Retrying with the same key and body returns the first response; no second order is placed.',
    schema: { type: 'string', minLength: 1, maxLength: IDEMPOTENCY_KEY_MAX_LENGTH },
  })
  @ApiCreatedResponse({ type: OrderResponseDto, description: 'The order, placed (or placed before with this key).' })
  @ApiBadRequestResponse({ description: 'A field or the Idempotency-Key header is invalid; the message names it.' })
  @ApiUnprocessableEntityResponse({
    description: 'The customer is unknown or deactivated, or the key was used for another request.',
  })
  @ApiConflictResponse({ description: 'A request with the same Idempotency-Key is still in flight.' })
  async place(
    @Body() body: PlaceOrderDto,
    @IdempotencyKey() idempotencyKey: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<OrderResponse> {
    const { order, replayed } = await this.placeOrder.place(body, idempotencyKey);
    if (replayed) void reply.header(IDEMPOTENT_REPLAYED_HEADER, 'true');
    return order;
  }
}
