import type { CustomerResponse } from '@mesh/customers-contracts';
import { Body, Controller, Post } from '@nestjs/common';
import { ApiBadRequestResponse, ApiConflictResponse, ApiCreatedResponse, ApiTags } from '@nestjs/swagger';

import { toCustomerResponse } from '../customers/customer-response';
import { CustomerResponseDto } from '../customers/dto/customer-response.dto';
import { RegisterCustomerDto } from './dto/register-customer.dto';
import { RegisterCustomerService } from './register-customer.service';

@ApiTags('customers')
@Controller('customers')
export class RegisterCustomerController {
  constructor(private readonly registration: RegisterCustomerService) {}

  @Post()
  @ApiCreatedResponse({ type: CustomerResponseDto.Output, description: 'The customer, registered' })
  @ApiBadRequestResponse({ description: 'A field is missing or invalid; the message names it' })
  @ApiConflictResponse({ description: 'A customer with this email (in any letter case) exists' })
  async register(@Body() body: RegisterCustomerDto): Promise<CustomerResponse> {
    return toCustomerResponse(await this.registration.register(body));
  }
}
