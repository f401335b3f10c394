import { Module } from '@nestjs/common';

import { CustomerValueController } from './customer-value.controller';
import { CustomerValueRepository } from './customer-value.repository';

@Module({ controllers: [CustomerValueController], providers: [CustomerValueRepository] })
export class CustomerValueModule {}
