import type { CustomerRegistered, CustomerTierChanged, CustomerUpdated } from '@mesh/customers-contracts';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

import { Pseudonymizer } from '../pseudonym/pseudonymizer';
import { setCustomerAttribute } from './customer-value.sql';
import type { ProjectionTables } from './projection-tables';

/**
 * What customers events do to the customer value: only the country and the tier are kept.
 * Name and email never reach a table, a log line or a response of analytics.
 */
@Injectable()
export class CustomerProjection {
  constructor(private readonly pseudonyms: Pseudonymizer) {}

  async profileChanged(
    manager: EntityManager,
    tables: ProjectionTables,
    customer: CustomerRegistered | CustomerUpdated,
  ): Promise<void> {
    await setCustomerAttribute(manager, tables, {
      pseudonym: this.pseudonyms.of(customer.customerId),
      attribute: 'country',
      value: customer.country,
      revision: customer.revision,
    });
  }

  async tierChanged(manager: EntityManager, tables: ProjectionTables, change: CustomerTierChanged): Promise<void> {
    await setCustomerAttribute(manager, tables, {
      pseudonym: this.pseudonyms.of(change.customerId),
      attribute: 'tier',
      value: change.tier,
      revision: change.revision,
    });
  }
}
