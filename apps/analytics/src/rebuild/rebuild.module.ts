import { Module } from '@nestjs/common';

import { ProjectionsModule } from '../projections/projections.module';
import { RebuildProcessor } from './rebuild.processor';
import { RebuildRunner } from './rebuild-runner';

@Module({ imports: [ProjectionsModule], providers: [RebuildRunner, RebuildProcessor] })
export class RebuildModule {}
