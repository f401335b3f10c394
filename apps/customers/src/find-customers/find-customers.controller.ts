import type { CustomerPage, CustomerResponse } from '@mesh/customers-contracts';
import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';

import { toCustomerResponse } from '../customers/customer-response';
import { CustomerIdParams } from '../customers/dto/customer-id.params';
import { CustomerPageDto, CustomerResponseDto } from '../customers/dto/customer-response.dto';
import { ListCustomersQuery } from './dto/list-customers.query';
import { FindCustomersService } from './find-customers.service';

@ApiTags('customers')
@Controller('customers')
export class FindCustomersController {
  constructor(private readonly customers: FindCustomersService) {}

  @Get()
  @ApiOkResponse({ type: CustomerPageDto.Output, description: 'One page of customers, oldest first' })
  @ApiBadRequestResponse({ description: 'country, page or limit is invalid; the message names it' })
  async list(@Query() query: ListCustomersQuery): Promise<CustomerPage> {
    const { country, page, limit } = query;
    const { items, total } = await this.customers.list({ country, page, limit });
    return { items: items.map(toCustomerResponse), total, page, limit };
  }

  @Get(':id')
  @ApiOkResponse({ type: CustomerResponseDto.Output, description: 'The customer' })
  @ApiBadRequestResponse({ description: 'The id is not a UUID' })
  @ApiNotFoundResponse({ description: 'No customer has this id' })
  async get(@Param() params: CustomerIdParams): Promise<CustomerResponse> {
    return toCustomerResponse(await this.customers.get(params.id));
  }
}
