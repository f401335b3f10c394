import { z } from 'zod';

import type { JsonSchema } from '../schema/json-schema';
import { compareEventSchemas } from './compare-schemas';

const schemaOf = (schema: z.ZodType): JsonSchema =>
  z.toJSONSchema(schema, { target: 'draft-2020-12', io: 'output' }) as JsonSchema;

const line = z.object({ sku: z.string().min(1), quantity: z.number().min(1) });
const base = {
  orderId: z.uuid(),
  currency: z.enum(['EUR', 'USD']),
  total: z.number().min(0).max(1_000_000),
  lines: z.array(line).min(1).max(100),
  note: z.string().max(500).optional(),
  reference: z.string(),
  coupon: z.string().nullable(),
};
const previous = schemaOf(z.object(base));
const changed = (shape: Record<string, z.ZodType | undefined>) => {
  const next = { ...base, ...shape };
  for (const [key, value] of Object.entries(next)) if (value === undefined) delete next[key as keyof typeof next];
  return compareEventSchemas(previous, schemaOf(z.object(next as z.ZodRawShape)));
};
const rules = (changes: ReturnType<typeof compareEventSchemas>) =>
  changes.map(({ field, rule }) => `${field}: ${rule}`);

describe('compareEventSchemas', () => {
  describe('breaking changes', () => {
    it.each([
      ['a removed field', { note: undefined }, ['note: field-removed']],
      ['a renamed field', { reference: undefined, externalReference: z.string() }, ['reference: field-renamed']],
      ['a new required field', { channel: z.string() }, ['channel: new-required-field']],
      ['an optional field made required', { note: z.string().max(500) }, ['note: field-made-required']],
      ['a required field made optional', { reference: z.string().optional() }, ['reference: field-made-optional']],
      ['number narrowed to integer', { total: z.int().min(0).max(1_000_000) }, ['total: type-narrowed']],
      ['a changed type', { reference: z.number() }, ['reference: type-narrowed']],
      ['an enum value removed', { currency: z.enum(['EUR']) }, ['currency: enum-narrowed']],
      ['a string limited to values', { reference: z.enum(['a', 'b']) }, ['reference: enum-narrowed']],
      ['a format added', { reference: z.email() }, ['reference: format-tightened', 'reference: pattern-tightened']],
      ['a maxLength added', { reference: z.string().max(20) }, ['reference: bound-tightened']],
      ['a maxLength lowered', { note: z.string().max(100).optional() }, ['note: bound-tightened']],
      ['a pattern added', { reference: z.string().regex(/^[A-Z]+$/) }, ['reference: pattern-tightened']],
      ['a minimum raised', { total: z.number().min(1).max(1_000_000) }, ['total: bound-tightened']],
      ['a maximum lowered', { total: z.number().min(0).max(1000) }, ['total: bound-tightened']],
      ['an inclusive bound made exclusive', { total: z.number().gt(0).max(1_000_000) }, ['total: bound-tightened']],
      ['a multipleOf added', { total: z.number().min(0).max(1_000_000).multipleOf(5) }, ['total: bound-tightened']],
      ['fewer array items allowed', { lines: z.array(line).min(1).max(10) }, ['lines: bound-tightened']],
      ['null no longer allowed', { coupon: z.string() }, ['coupon: type-narrowed']],
      [
        'a narrowed field inside array items',
        {
          lines: z
            .array(line.extend({ quantity: z.int().min(1) }))
            .min(1)
            .max(100),
        },
        ['lines[].quantity: type-narrowed'],
      ],
      [
        'a field removed inside array items',
        {
          lines: z
            .array(z.object({ sku: z.string().min(1) }))
            .min(1)
            .max(100),
        },
        ['lines[].quantity: field-removed'],
      ],
    ])('%s', (_name, shape, expected) => {
      expect(rules(changed(shape))).toEqual(expected);
    });

    it('says what changed in words', () => {
      expect(changed({ total: z.int().min(0).max(1_000_000) })).toEqual([
        { field: 'total', rule: 'type-narrowed', detail: 'number → integer' },
      ]);
      expect(changed({ currency: z.enum(['EUR']) })[0].detail).toBe('value(s) "USD" no longer allowed');
      expect(changed({ total: z.number().min(0).max(1000) })[0].detail).toBe('maximum ≤ 1000000 → ≤ 1000');
      expect(changed({ reference: undefined, externalReference: z.string() })[0].detail).toContain(
        '"externalReference"',
      );
    });

    it('refuses an assertion keyword it cannot reason about', () => {
      const before: JsonSchema = { type: 'object', properties: { code: { type: 'string' } } };
      const after: JsonSchema = { type: 'object', properties: { code: { type: 'string', not: { const: 'x' } } } };
      expect(rules(compareEventSchemas(before, after))).toEqual(['code: constraint-added']);
    });

    it('narrows map values and closes maps', () => {
      const before = schemaOf(z.object({ counts: z.record(z.string(), z.number()) }));
      expect(rules(compareEventSchemas(before, schemaOf(z.object({ counts: z.record(z.string(), z.int()) }))))).toEqual(
        ['counts.*: type-narrowed'],
      );
      expect(rules(compareEventSchemas(before, schemaOf(z.object({ counts: z.object({}) }))))).toEqual([
        'counts.*: type-narrowed',
      ]);
    });
  });

  describe('compatible changes', () => {
    it.each([
      ['no change', {}],
      ['a new optional field', { channel: z.string().optional() }],
      ['an enum value added', { currency: z.enum(['EUR', 'USD', 'GBP']) }],
      ['a maximum raised and a minimum lowered', { total: z.number().min(-10).max(2_000_000) }],
      ['a maxLength removed', { note: z.string().optional() }],
      ['null now allowed', { reference: z.string().nullable() }],
      ['more array items allowed', { lines: z.array(line).max(1000) }],
      ['a described field', { reference: z.string().describe('the customer reference') }],
      [
        'a new optional field inside array items',
        {
          lines: z
            .array(line.extend({ gift: z.boolean().optional() }))
            .min(1)
            .max(100),
        },
      ],
    ])('%s', (_name, shape) => {
      expect(changed(shape)).toEqual([]);
    });

    it('accepts integer widened to number and a format dropped', () => {
      const before = schemaOf(z.object({ amount: z.int(), email: z.email() }));
      expect(compareEventSchemas(before, schemaOf(z.object({ amount: z.number(), email: z.string() })))).toEqual([]);
    });

    it('accepts a union that gains a variant', () => {
      const before = schemaOf(z.object({ key: z.union([z.string(), z.object({ id: z.int() })]) }));
      const after = schemaOf(z.object({ key: z.union([z.string(), z.object({ id: z.number() }), z.boolean()]) }));
      expect(compareEventSchemas(before, after)).toEqual([]);
    });
  });

  describe('unions and references', () => {
    it('finds a union variant that is no longer accepted', () => {
      const before = schemaOf(z.object({ key: z.union([z.string(), z.object({ id: z.number() })]) }));
      const after = schemaOf(z.object({ key: z.union([z.string(), z.object({ id: z.int() })]) }));
      expect(rules(compareEventSchemas(before, after))).toEqual(['key.id: type-narrowed']);
    });

    interface Category {
      name: string;
      children: Category[];
    }
    const recursive = (name: z.ZodType<string | number>) => {
      const category: z.ZodType<Category> = z.object({
        name: name as z.ZodType<string>,
        get children() {
          return z.array(category);
        },
      });
      return schemaOf(z.object({ root: category }));
    };

    it('compares recursive schemas through their $refs without looping', () => {
      const schema = recursive(z.string());
      expect(JSON.stringify(schema)).toContain('"$ref":"#/$defs/');
      expect(compareEventSchemas(schema, schema)).toEqual([]);
      expect(rules(compareEventSchemas(recursive(z.string()), recursive(z.string().max(5))))).toEqual([
        'root.name: bound-tightened',
      ]);
    });
  });
});
