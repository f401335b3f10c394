import type { z } from 'zod';

/** The most items a `page` may skip: deeper lists are read with `after`, on an index, at any depth. */
export const MAX_PAGE_OFFSET = 10_000;

interface PageQuery {
  after?: string;
  page: number;
  limit: number;
}

/**
 * The refinement every list query of the mesh shares: `page` and `after` are two ways to page
 * and do not mix, and a `page` that would make the store skip more than MAX_PAGE_OFFSET `items`
 * (an offset costs the store every row it skips) is refused, naming `after` as the way on.
 */
export function boundedPage(items: string): (query: PageQuery, context: z.RefinementCtx) => void {
  return (query, context) => {
    // zod runs this even when a field failed its own check; that field has its issue already.
    if (!Number.isInteger(query.page) || !Number.isInteger(query.limit)) return;
    if (query.after !== undefined && query.page !== 1) {
      context.addIssue({ code: 'custom', path: ['page'], message: 'cannot be combined with after' });
    } else if ((query.page - 1) * query.limit > MAX_PAGE_OFFSET) {
      context.addIssue({
        code: 'custom',
        path: ['page'],
        message: `page ${query.page} of ${query.limit} skips more than ${MAX_PAGE_OFFSET} ${items}; follow next with after=<id> instead`,
      });
    }
  };
}
