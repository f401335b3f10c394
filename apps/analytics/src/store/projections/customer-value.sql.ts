import type { EntityManager } from 'typeorm';

import type { CustomerAttributeChange, CustomerOrdersChange } from '../../projections/projection-writes';
import type { ProjectionTables } from '../projection-tables';

/** Adds (or, with negative numbers, takes back) orders and revenue of one pseudonymous customer. */
export async function addCustomerOrders(
  manager: EntityManager,
  tables: ProjectionTables,
  change: CustomerOrdersChange,
): Promise<void> {
  await manager.query(
    `INSERT INTO ${tables.customerValue} AS c (customer_pseudonym, order_count) VALUES ($1, $2)
     ON CONFLICT (customer_pseudonym) DO UPDATE SET order_count = c.order_count + EXCLUDED.order_count`,
    [change.pseudonym, change.orders],
  );
  await manager.query(
    `INSERT INTO ${tables.customerRevenue} AS r (customer_pseudonym, currency, revenue) VALUES ($1, $2, $3)
     ON CONFLICT (customer_pseudonym, currency) DO UPDATE SET revenue = r.revenue + EXCLUDED.revenue`,
    [change.pseudonym, change.currency, change.revenue],
  );
}

/**
 * Sets an attribute unless a newer revision of the customer already set it: events of one
 * customer may be applied out of order (a retried delivery), the newest revision wins. The
 * attribute names a column pair; it is one of a closed set, never input.
 */
export async function setCustomerAttribute(
  manager: EntityManager,
  tables: ProjectionTables,
  change: CustomerAttributeChange,
): Promise<void> {
  const { attribute } = change;
  await manager.query(
    `INSERT INTO ${tables.customerValue} AS c (customer_pseudonym, ${attribute}, ${attribute}_revision)
     VALUES ($1, $2, $3)
     ON CONFLICT (customer_pseudonym) DO UPDATE
       SET ${attribute} = EXCLUDED.${attribute}, ${attribute}_revision = EXCLUDED.${attribute}_revision
       WHERE c.${attribute}_revision IS NULL OR c.${attribute}_revision < EXCLUDED.${attribute}_revision`,
    [change.pseudonym, change.value, change.revision],
  );
}
