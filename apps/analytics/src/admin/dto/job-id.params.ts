import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';

/** BullMQ job ids: UUIDs for rebuilds, `repeat:…` for scheduled rollups. */
export class JobIdParams extends createZodDto(
  z.object({ id: z.string().regex(/^[A-Za-z0-9:_-]{1,200}$/, 'must be a job id') }),
) {}
