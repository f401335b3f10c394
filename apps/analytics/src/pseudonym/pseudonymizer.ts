import { Inject, Injectable } from '@nestjs/common';
import type { ConfigType } from '@nestjs/config';
import { createHmac } from 'node:crypto';

import { pseudonymConfig } from '../config/pseudonym.config';

/**
 * Turns a customer id into the only customer key analytics stores: HMAC-SHA256 with a secret,
 * hex. Without the key nobody can go back from the pseudonym to the customer, or test guesses.
 */
@Injectable()
export class Pseudonymizer {
  constructor(@Inject(pseudonymConfig.KEY) private readonly config: ConfigType<typeof pseudonymConfig>) {}

  /** UUIDs are case-insensitive: the lower-case form is hashed so both spellings meet. */
  of(customerId: string): string {
    return createHmac('sha256', this.config.key).update(customerId.toLowerCase()).digest('hex');
  }
}
