import { compileValidator } from '../schema/schema-compiler';
import { sampleOrderPlaced } from '../testing/sample-contract';
import { eventSchemaPath, toEventJsonSchema } from './event-json-schema';

describe('toEventJsonSchema', () => {
  const schema = toEventJsonSchema(sampleOrderPlaced);

  it('identifies the schema by the dataschema the events carry', () => {
    expect(schema['$id']).toBe('urn:mesh:schema:sample.order.placed:v1');
    expect(schema['$schema']).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(schema['title']).toBe('sample.order.placed v1');
    expect(eventSchemaPath(sampleOrderPlaced)).toBe('schemas/sample.order.placed.v1.json');
  });

  it('validates what the contract validates', () => {
    const validate = compileValidator(schema);
    expect(validate(sampleOrderPlaced.example)).toEqual([]);
    expect(validate({ ...sampleOrderPlaced.example, currency: 'JPY' })).not.toEqual([]);
  });
});
