import type { CustomerPage, CustomerResponse } from '@mesh/customers-contracts';
import { Controller, Get, NotFoundException, Param, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';

import { CustomerPageDto, CustomerResponseDto, toCustomerResponse } from '../customer-api/customer.response';
import { CustomerIdParams } from '../customer-api/customer-id.params';
import { CustomerRepository } from '../store/customer.repository';
import { ListCustomersQuery } from './dto/list-customers.query';

@ApiTags('customers')
@Controller('customers')
export class FindCustomersController {
  constructor(private readonly customers: CustomerRepository) {}

  @Get()
  @ApiOkResponse({ type: CustomerPageDto.Output, description: 'One page of customers, oldest first' })
  @ApiBadRequestResponse({ description: 'country, page or limit is invalid; the message names it' })
  async list(@Query() query: ListCustomersQuery): Promise<CustomerPage> {
    const { country, page, limit } = query;
    const { items, total } = await this.customers.find({ country, skip: (page - 1) * limit, limit });
    return { items: items.map(toCustomerResponse), total, page, limit };
  }

  @Get(':id')
  @ApiOkResponse({ type: CustomerResponseDto.Output, description: 'The customer' })
  @ApiBadRequestResponse({ description: 'The id is not a UUID' })
  @ApiNotFoundResponse({ description: 'No customer has this id' })
  async get(@Param() params: CustomerIdParams): Promise<CustomerResponse> {
    const customer = await this.customers.findById(params.id);
    if (!customer) throw new NotFoundException(`customer ${params.id} not found`);
    return toCustomerResponse(customer);
  }
}
