import Ajv2020, { ErrorObject, ValidateFunction } from 'ajv/dist/2020';
import addFormats from 'ajv-formats';

import { ValidationIssue } from './event-validation-error';
import { JsonSchema } from './json-schema';

/**
 * One Ajv instance for every contract: Ajv compiles a JSON Schema into a plain function, an
 * order of magnitude faster than interpreting the zod schema on the consume path.
 */
const ajv = new Ajv2020({ allErrors: true, strict: true, allowUnionTypes: true });
addFormats(ajv);
// Field metadata from `.meta()` that validation ignores but documents and catalogs read.
ajv.addKeyword({ keyword: 'classification', schemaType: 'string' });
ajv.addKeyword({ keyword: 'x-classification', schemaType: 'string' });

export type CompiledValidator = (data: unknown) => ValidationIssue[];

export function compileValidator(schema: JsonSchema): CompiledValidator {
  // `$schema` names the dialect for readers; this Ajv instance is the dialect already.
  const { $schema: _dialect, ...body } = schema;
  const validate: ValidateFunction = ajv.compile(body);
  return (data) => (validate(data) ? [] : (validate.errors ?? []).map(toIssue));
}

function toIssue(error: ErrorObject): ValidationIssue {
  if (error.keyword === 'additionalProperties') {
    const field = (error.params as { additionalProperty: string }).additionalProperty;
    return { path: `${error.instancePath}/${field}`, rule: 'additionalProperties', message: 'is not a known field' };
  }
  if (error.keyword === 'required') {
    const field = (error.params as { missingProperty: string }).missingProperty;
    return { path: `${error.instancePath}/${field}`, rule: 'required', message: 'is required' };
  }
  return { path: error.instancePath, rule: error.keyword, message: error.message ?? 'is invalid' };
}
