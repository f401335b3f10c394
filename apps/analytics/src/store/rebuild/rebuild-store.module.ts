import { Module } from '@nestjs/common';

import { RebuildStore } from '../../rebuild/rebuild-store';
import { TypeormRebuildStore } from './typeorm-rebuild-store';

/** Where the rebuild job builds its `_next` tables and swaps them in. */
@Module({
  providers: [{ provide: RebuildStore, useClass: TypeormRebuildStore }],
  exports: [RebuildStore],
})
export class RebuildStoreModule {}
