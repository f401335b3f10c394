import type { CustomerValueResponse } from '@mesh/analytics-contracts';
import { Controller, Get, NotFoundException, Param } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';

import { Pseudonymizer } from '../pseudonym/pseudonymizer';
import { customerValueResponse } from './customer-value';
import { CustomerValueStore } from './customer-value-store';
import { CustomerIdParams } from './dto/customer-id.params';

@ApiTags('customers')
@Controller('customers')
export class CustomerValueController {
  constructor(
    private readonly pseudonyms: Pseudonymizer,
    private readonly customerValues: CustomerValueStore,
  ) {}

  /** Takes the real customer id, answers under the pseudonym only. */
  @Get(':id/value')
  @ApiOkResponse({ description: 'Country, tier, order count and revenue per currency, under a pseudonymous id.' })
  @ApiNotFoundResponse({ description: 'No event about this customer has been applied.' })
  async value(@Param() params: CustomerIdParams): Promise<CustomerValueResponse> {
    const pseudonym = this.pseudonyms.of(params.id);
    const value = await this.customerValues.find(pseudonym);
    // The message leaves the id out: analytics never repeats customer ids, not even in errors.
    if (!value) throw new NotFoundException('no event about this customer has been applied');
    return customerValueResponse(pseudonym, value);
  }
}
