import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';

/** The customers domain's id of the customer (a UUID); analytics turns it into the pseudonym. */
export class CustomerIdParams extends createZodDto(z.object({ id: z.uuid('must be a customer id (UUID)') })) {}
