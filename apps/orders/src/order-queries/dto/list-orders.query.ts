import { listOrdersQuery } from '@mesh/orders-contracts';
import { createZodDto } from 'nestjs-zod';

export class ListOrdersQueryDto extends createZodDto(listOrdersQuery) {}
