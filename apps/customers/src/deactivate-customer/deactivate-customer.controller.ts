import type { CustomerResponse } from '@mesh/customers-contracts';
import { Controller, HttpCode, HttpStatus, Param, Post } from '@nestjs/common';
import { ApiBadRequestResponse, ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';

import { toCustomerResponse } from '../customers/customer-response';
import { CustomerIdParams } from '../customers/dto/customer-id.params';
import { CustomerResponseDto } from '../customers/dto/customer-response.dto';
import { DeactivateCustomerService } from './deactivate-customer.service';

@ApiTags('customers')
@Controller('customers')
export class DeactivateCustomerController {
  constructor(private readonly deactivation: DeactivateCustomerService) {}

  @Post(':id/deactivate')
  @HttpCode(HttpStatus.OK)
  @ApiOkResponse({ type: CustomerResponseDto.Output, description: 'The customer, deactivated (now or before)' })
  @ApiBadRequestResponse({ description: 'The id is not a UUID' })
  @ApiNotFoundResponse({ description: 'No customer has this id' })
  async deactivate(@Param() params: CustomerIdParams): Promise<CustomerResponse> {
    return toCustomerResponse(await this.deactivation.deactivate(params.id));
  }
}
