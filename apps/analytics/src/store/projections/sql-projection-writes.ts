import type { EntityManager } from 'typeorm';

import {
  type CustomerAttributeChange,
  type CustomerOrdersChange,
  type DailySalesChange,
  type OrderFact,
  type OrderLines,
  ProjectionWrites,
} from '../../projections/projection-writes';
import type { ProjectionTables } from '../projection-tables';
import { addCustomerOrders, setCustomerAttribute } from './customer-value.sql';
import { addToDailySales } from './daily-sales.sql';
import { applyOrderLinesToProductSales, recordOrderLines } from './product-sales.sql';
import { markOrder } from './projected-orders.sql';

/** The projection statements bound to one transaction (`manager`) and one set of tables (live or `_next`). */
export class SqlProjectionWrites extends ProjectionWrites {
  constructor(
    private readonly manager: EntityManager,
    private readonly tables: ProjectionTables,
  ) {
    super();
  }

  markOrder(orderId: string, fact: OrderFact): Promise<{ otherFactKnown: boolean } | undefined> {
    return markOrder(this.manager, this.tables, orderId, fact);
  }

  recordOrderLines(order: OrderLines, day: string): Promise<void> {
    return recordOrderLines(this.manager, this.tables, order, day);
  }

  addToDailySales(change: DailySalesChange): Promise<void> {
    return addToDailySales(this.manager, this.tables, change);
  }

  addCustomerOrders(change: CustomerOrdersChange): Promise<void> {
    return addCustomerOrders(this.manager, this.tables, change);
  }

  applyOrderLinesToProductSales(orderId: string, sign: 1 | -1): Promise<void> {
    return applyOrderLinesToProductSales(this.manager, this.tables, orderId, sign);
  }

  setCustomerAttribute(change: CustomerAttributeChange): Promise<void> {
    return setCustomerAttribute(this.manager, this.tables, change);
  }
}
