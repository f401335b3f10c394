import { Global, Module } from '@nestjs/common';

import { Pseudonymizer } from './pseudonymizer';

@Global()
@Module({ providers: [Pseudonymizer], exports: [Pseudonymizer] })
export class PseudonymModule {}
