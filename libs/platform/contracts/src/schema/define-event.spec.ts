import { z } from 'zod';

import { sampleOrderPlaced } from '../testing/sample-contract';
import { defineEvent } from './define-event';
import { EventValidationError } from './event-validation-error';

const valid = sampleOrderPlaced.example;

function issuesOf(parse: () => unknown) {
  try {
    parse();
  } catch (error) {
    if (error instanceof EventValidationError) return error.issues;
    throw error;
  }
  throw new Error('expected a validation error');
}

describe('defineEvent', () => {
  it('derives the stream, the dataschema id and a JSON Schema with field metadata', () => {
    expect(sampleOrderPlaced.stream).toBe('sample.order.v1');
    expect(sampleOrderPlaced.dataschema).toBe('urn:mesh:schema:sample.order.placed:v1');
    expect(sampleOrderPlaced.jsonSchema).toMatchObject({
      type: 'object',
      required: ['orderId', 'customerEmail', 'currency', 'lines'],
      additionalProperties: false,
      properties: { customerEmail: { format: 'email', classification: 'pii' } },
    });
  });

  it('refuses an example that breaks its own schema', () => {
    expect(() =>
      defineEvent({
        type: 'sample.thing.happened',
        version: 1,
        source: '/sample',
        description: 'x',
        schema: z.object({ count: z.int().min(1) }),
        example: { count: 0 },
      }),
    ).toThrow(/\/count must be >= 1 \(minimum\)/);
  });

  it('refuses a type that is not <domain>.<aggregate>.<fact>', () => {
    const attempt = () =>
      defineEvent({ type: 'Placed', version: 1, source: '/s', description: '', schema: z.object({}), example: {} });
    expect(attempt).toThrow(/<domain>.<aggregate>.<fact>/);
  });

  describe('parseStrict (publish side)', () => {
    it('accepts valid data', () => {
      expect(sampleOrderPlaced.parseStrict(valid)).toEqual(valid);
    });

    it('refuses unknown fields at any depth, naming them', () => {
      const data = { ...valid, extra: 1, lines: [{ ...valid.lines[0], colour: 'red' }] };
      expect(issuesOf(() => sampleOrderPlaced.parseStrict(data))).toEqual(
        expect.arrayContaining([
          { path: '/extra', rule: 'additionalProperties', message: 'is not a known field' },
          { path: '/lines/0/colour', rule: 'additionalProperties', message: 'is not a known field' },
        ]),
      );
    });

    it('names every broken field and rule in the message', () => {
      const data = { ...valid, customerEmail: 'nope', lines: [{ sku: '', quantity: 0, unitPrice: -1 }] };
      const attempt = () => sampleOrderPlaced.parseStrict(data);
      expect(attempt).toThrow(EventValidationError);
      expect(attempt).toThrow(/\/customerEmail must match format "email" \(format\)/);
      expect(attempt).toThrow(/\/lines\/0\/quantity must be >= 1 \(minimum\)/);
      expect(attempt).toThrow(/\/lines\/0\/unitPrice must be >= 0 \(minimum\)/);
    });

    it('names a missing required field', () => {
      const { currency: _currency, ...withoutCurrency } = valid;
      expect(issuesOf(() => sampleOrderPlaced.parseStrict(withoutCurrency))).toContainEqual({
        path: '/currency',
        rule: 'required',
        message: 'is required',
      });
    });
  });

  describe('parseTolerant (consume side)', () => {
    it('ignores unknown fields at any depth', () => {
      const data = { ...valid, addedLater: true, lines: [{ ...valid.lines[0], discount: 5 }] };
      expect(sampleOrderPlaced.parseTolerant(data)).toMatchObject(valid);
    });

    it('still refuses data that breaks a known field', () => {
      expect(() => sampleOrderPlaced.parseTolerant({ ...valid, currency: 'GBP' })).toThrow(
        /\/currency must be equal to one of the allowed values \(enum\)/,
      );
    });
  });
});
