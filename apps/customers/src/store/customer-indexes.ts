import { Injectable, type OnModuleInit } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';

import { StoredCustomer } from './stored-customer.schema';

/**
 * Builds the indexes before the service takes requests: email uniqueness rests on the unique
 * index of `emailKey`, so a registration accepted before it exists could duplicate an email.
 * (Mongoose's own autoIndex runs in the background; the connection turns it off.)
 */
@Injectable()
export class CustomerIndexes implements OnModuleInit {
  constructor(@InjectModel(StoredCustomer.name) private readonly customers: Model<StoredCustomer>) {}

  async onModuleInit(): Promise<void> {
    try {
      await this.customers.createIndexes();
    } catch (error) {
      throw new Error(`building the indexes of the customers collection failed`, { cause: error });
    }
  }
}
