import { Module } from '@nestjs/common';

import { ProjectionsModule } from '../projections/projections.module';
import { RebuildStoreModule } from '../store/rebuild/rebuild-store.module';
import { RebuildProcessor } from './rebuild.processor';
import { RebuildRunner } from './rebuild-runner';

@Module({ imports: [ProjectionsModule, RebuildStoreModule], providers: [RebuildRunner, RebuildProcessor] })
export class RebuildModule {}
