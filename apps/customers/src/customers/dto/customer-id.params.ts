import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';

/** `:id` of the customer routes: a malformed id is a 400 naming `id`, never a lookup. */
export class CustomerIdParams extends createZodDto(z.object({ id: z.uuid() })) {}
