import { cancelOrderRequest } from '@mesh/orders-contracts';
import { createZodDto } from 'nestjs-zod';

export class CancelOrderDto extends createZodDto(cancelOrderRequest) {}
