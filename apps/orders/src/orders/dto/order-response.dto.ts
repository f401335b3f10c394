import { orderPage, orderResponse } from '@mesh/orders-contracts';
import { createZodDto } from 'nestjs-zod';

/** OpenAPI shapes of the responses; the schemas live in @mesh/orders-contracts. */
export class OrderResponseDto extends createZodDto(orderResponse) {}

export class OrderPageDto extends createZodDto(orderPage) {}
