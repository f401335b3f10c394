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
  @ApiBadRequestResponse({
    description: 'country, after, page or limit is invalid, or page skips more than 10000 customers; the message names it',
  })
  async list(@Query() query: ListCustomersQuery): Promise<CustomerPage> {
    const { country, after, page, limit } = query;
    const { items, hasMore, total } = await this.customers.list({ country, after, page, limit });
    const responses = items.map(toCustomerResponse);
    return {
      items: responses,
      ...(total !== undefined && { total }),
      ...(after === undefined && { page }),
      limit,
      hasMore,
      ...(hasMore && { next: responses[responses.length - 1].id }),
    };
  }

  @Get(':id')
  @ApiOkResponse({ type: CustomerResponseDto.Output, description: 'The customer' })
  @ApiBadRequestResponse({ description: 'The id is not a UUID' })
  @ApiNotFoundResponse({ description: 'No customer has this id' })
  async get(@Param() params: CustomerIdParams): Promise<CustomerResponse> {
    return toCustomerResponse(await this.customers.get(params.id));
  }
}
