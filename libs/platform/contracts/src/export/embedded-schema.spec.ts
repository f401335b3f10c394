import { embedSchema } from './embedded-schema';

describe('embedSchema', () => {
  it('moves $defs to the components and points the refs there', () => {
    const { schema, definitions } = embedSchema(
      {
        $schema: 'https://json-schema.org/draft/2020-12/schema',
        type: 'object',
        properties: { node: { $ref: '#/$defs/Node' } },
        $defs: { Node: { type: 'object', properties: { next: { $ref: '#/$defs/Node' } } } },
      },
      'a.b.c',
      '#/components/schemas',
    );
    expect(schema).toEqual({ type: 'object', properties: { node: { $ref: '#/components/schemas/a.b.c.Node' } } });
    expect(definitions).toEqual({
      'a.b.c.Node': { type: 'object', properties: { next: { $ref: '#/components/schemas/a.b.c.Node' } } },
    });
  });

  it('gives a schema that refers to its own root a component of its own', () => {
    const { schema, definitions } = embedSchema({ type: 'array', items: { $ref: '#' } }, 'tree', '#/s');
    expect(schema).toEqual({ type: 'array', items: { $ref: '#/s/tree' } });
    expect(definitions).toEqual({ tree: schema });
  });

  it('refuses a reference it cannot move', () => {
    expect(() => embedSchema({ $ref: 'https://example.com/x.json' }, 'x', '#/s')).toThrow(/cannot be embedded/);
  });
});
