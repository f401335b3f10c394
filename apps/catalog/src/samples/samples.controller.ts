import { Public } from '@mesh/service';
import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';

import type { StreamSamples } from './stream-sample';
import { StreamSampleReader } from './stream-samples.service';

const DEFAULT_COUNT = 10;
const MAX_COUNT = 50;

// Open like the rest of the catalog: classified fields are masked before the answer is made (README, Security).
@Public()
@ApiTags('catalog')
@Controller('api/streams')
export class SamplesController {
  constructor(private readonly samples: StreamSampleReader) {}

  @Get(':stream/samples')
  @ApiOperation({
    summary: "The newest events of an output stream, every field the producer's manifest classifies masked.",
  })
  @ApiQuery({ name: 'count', required: false, description: `1–${MAX_COUNT}, default ${DEFAULT_COUNT}` })
  @ApiOkResponse({
    description:
      '`{ stream, key, producer, readAt, count, samples, error? }`; each sample has `entryId`, the CloudEvents ' +
      'attributes, `data` with classified fields replaced by `[masked: <classification>]`, `masked` (their ' +
      'pointers) and `withheld` when the data is not shown at all.',
  })
  list(@Param('stream') stream: string, @Query('count') count?: string): Promise<StreamSamples> {
    return this.samples.latest(stream, sampleCount(count));
  }
}

/** A count from the query: a whole number within 1–MAX_COUNT, else the default or the bound. */
function sampleCount(raw: string | undefined): number {
  const parsed = Number.parseInt(raw ?? '', 10);
  if (!Number.isFinite(parsed)) return DEFAULT_COUNT;
  return Math.min(MAX_COUNT, Math.max(1, parsed));
}
