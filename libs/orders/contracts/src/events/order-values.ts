import { currencyCode, minorUnits } from '@mesh/contract-kit';
import { z } from 'zod';

export { currencyCode, minorUnits };

export const orderLine = z.object({
  sku: z.string().min(1).max(64),
  quantity: z.int().min(1).max(10_000),
  unitPrice: minorUnits,
});

export const MAX_ORDER_LINES = 100;
