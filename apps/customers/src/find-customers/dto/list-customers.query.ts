import { boundedPage } from '@mesh/contract-kit';
import { countryCode } from '@mesh/customers-contracts';
import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';

export const MAX_PAGE_SIZE = 100;
/**
 * How many customers a page may skip: the store reads every skipped document, so a far page costs
 * as much as all the pages before it. Past it a client follows `next` with `after`, which reads
 * only the page it returns, however deep.
 */

/**
 * `GET /customers?country&limit` with either `page` (at most MAX_PAGE_OFFSET of @mesh/contract-kit, 10,000 customers, skipped) or
 * `after`, the id of the last customer of the previous page (its `next`): pages are bounded so
 * that one request never reads the whole store.
 */
export class ListCustomersQuery extends createZodDto(
  z
    .object({
      country: countryCode.optional(),
      after: z.uuid().optional(),
      page: z.coerce.number().int().min(1).max(1_000_000).default(1),
      limit: z.coerce.number().int().min(1).max(MAX_PAGE_SIZE).default(20),
    })
    .superRefine(boundedPage('customers')),
) {}

