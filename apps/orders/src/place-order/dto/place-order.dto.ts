import { placeOrderRequest } from '@mesh/orders-contracts';
import { createZodDto } from 'nestjs-zod';

export class PlaceOrderDto extends createZodDto(placeOrderRequest) {}
