import { type ArgumentMetadata, Injectable, type PipeTransform } from '@nestjs/common';
import { isZodDto } from 'nestjs-zod/dto';
import { z } from 'zod';

import { requiredMessage } from '../zod-messages';
import { RequestValidationException } from './request-validation.exception';

/** Any zod schema (classic, mini, or a copy from another zod install) can safeParse. */
interface SafeParsable {
  safeParse(
    value: unknown,
    params?: { error?: typeof requiredMessage },
  ): { success: true; data: unknown } | { success: false; error: { issues: z.core.$ZodIssue[] } };
}

/**
 * Validates every body, query and params argument typed with a nestjs-zod DTO.
 * Unlike nestjs-zod's own pipe it rejects unknown top-level fields: a client
 * that misspells an optional field would otherwise be silently ignored.
 */
@Injectable()
export class ZodValidationPipe implements PipeTransform {
  private readonly strictSchemas = new WeakMap<object, SafeParsable>();

  transform(value: unknown, metadata: ArgumentMetadata): unknown {
    const { metatype } = metadata;
    if (!isZodDto(metatype)) return value;
    const result = this.strictSchema(metatype.schema, metatype.name).safeParse(value, { error: requiredMessage });
    if (result.success) return result.data;
    throw RequestValidationException.fromZod(result.error.issues, metadata.data ?? metadata.type);
  }

  private strictSchema(schema: object, dtoName: string): SafeParsable {
    let strict = this.strictSchemas.get(schema);
    if (!strict) {
      if (!('safeParse' in schema)) throw new Error(`${dtoName}: its schema is not a zod schema`);
      strict = rejectUnknownKeys(schema as SafeParsable);
      this.strictSchemas.set(schema, strict);
    }
    return strict;
  }
}

// Only the default "strip" mode is tightened: a contract that chose
// z.looseObject() or .passthrough() keeps its choice. Nested objects follow
// their own declaration (use z.strictObject in contracts to reject there too).
function rejectUnknownKeys(schema: SafeParsable): SafeParsable {
  return schema instanceof z.ZodObject && schema.def.catchall === undefined ? schema.strict() : schema;
}
