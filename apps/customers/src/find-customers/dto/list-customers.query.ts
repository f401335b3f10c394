import { countryCode } from '@mesh/customers-contracts';
import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';

export const MAX_PAGE_SIZE = 100;

/** `GET /customers?country&page&limit`: pages are bounded so that one request never reads the whole store. */
export class ListCustomersQuery extends createZodDto(
  z.object({
    country: countryCode.optional(),
    page: z.coerce.number().int().min(1).max(1_000_000).default(1),
    limit: z.coerce.number().int().min(1).max(MAX_PAGE_SIZE).default(20),
  }),
) {}
