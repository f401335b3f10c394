import type { CustomerResponse } from '@mesh/customers-contracts';
import { Body, Controller, Param, Patch } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiTags,
} from '@nestjs/swagger';

import { toCustomerResponse } from '../customers/customer-response';
import { CustomerIdParams } from '../customers/dto/customer-id.params';
import { CustomerResponseDto } from '../customers/dto/customer-response.dto';
import { UpdateCustomerDto } from './dto/update-customer.dto';
import { UpdateCustomerService } from './update-customer.service';

@ApiTags('customers')
@Controller('customers')
export class UpdateCustomerController {
  constructor(private readonly updates: UpdateCustomerService) {}

  @Patch(':id')
  @ApiOkResponse({ type: CustomerResponseDto.Output, description: 'The customer after the change' })
  @ApiBadRequestResponse({ description: 'The id or a field is invalid, or no field is given; the message names it' })
  @ApiNotFoundResponse({ description: 'No customer has this id' })
  @ApiConflictResponse({ description: 'The customer is deactivated' })
  async update(@Param() params: CustomerIdParams, @Body() body: UpdateCustomerDto): Promise<CustomerResponse> {
    return toCustomerResponse(await this.updates.update(params.id, body));
  }
}
