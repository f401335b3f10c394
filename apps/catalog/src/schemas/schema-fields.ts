/** One row of an event's schema table, as the catalog shows it. */
export interface SchemaField {
  /** Where the field is: `/lines/sku` (array levels are not in the pointer; `array` says so). */
  pointer: string;
  /** For people: `lines[].sku`. */
  name: string;
  /** `string (uuid)`, `integer`, `array of object`, `"a" | "b"`, `string | null`, … */
  type: string;
  /** Whether the field must be there (its parent required it, all the way up). */
  required: boolean;
  description: string | null;
  /** From the manifest's classifiedFields, or the schema's own `classification` keyword. */
  classification: string | null;
}

type Schema = Readonly<Record<string, unknown>>;

const MAX_DEPTH = 12;

/**
 * The fields of a JSON Schema (the object an event's `data` is), flattened into rows in schema
 * order, nested objects and the objects inside arrays included. `classifications` maps pointers
 * (`/email`, `/lines/sku`) to the manifest's classification. Local `$ref`s into `$defs` are
 * followed; anything the walk does not understand is shown by its `type`, never dropped.
 */
export function schemaFields(root: unknown, classifications: ReadonlyMap<string, string> = new Map()): SchemaField[] {
  const rows: SchemaField[] = [];
  const visit = (schema: Schema, pointer: string, name: string, required: boolean, depth: number) => {
    const properties = objectProperties(root, schema);
    if (!properties || depth > MAX_DEPTH) return;
    const requiredNames = new Set(Array.isArray(schema['required']) ? (schema['required'] as string[]) : []);
    for (const [key, raw] of Object.entries(properties)) {
      const field = resolve(root, raw);
      const fieldPointer = `${pointer}/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`;
      const fieldName = name ? `${name}.${key}` : key;
      const isRequired = required && requiredNames.has(key);
      rows.push({
        pointer: fieldPointer,
        name: fieldName,
        type: describeType(root, field),
        required: isRequired,
        description: typeof field['description'] === 'string' ? field['description'] : null,
        classification:
          classifications.get(fieldPointer) ??
          (typeof field['classification'] === 'string' ? field['classification'] : null),
      });
      visit(field, fieldPointer, fieldName, isRequired, depth + 1);
      const items = arrayItems(root, field);
      if (items) visit(items, fieldPointer, `${fieldName}[]`, isRequired, depth + 1);
    }
  };
  visit(resolve(root, root), '', '', true, 0);
  return rows;
}

/** A field's type in words: the JSON Schema type with its format, enum values or union. */
export function describeType(root: unknown, raw: unknown): string {
  const schema = resolve(root, raw);
  const union = (schema['anyOf'] ?? schema['oneOf']) as unknown;
  if (Array.isArray(union)) return union.map((variant) => describeType(root, variant)).join(' | ');
  if (Array.isArray(schema['enum'])) return schema['enum'].map((value) => JSON.stringify(value)).join(' | ');
  if ('const' in schema) return JSON.stringify(schema['const']);
  const types = Array.isArray(schema['type']) ? (schema['type'] as string[]) : [schema['type']];
  const words = types
    .filter((type): type is string => typeof type === 'string')
    .map((type) => {
      if (type === 'array') {
        const items = arrayItems(root, schema);
        return items ? `array of ${describeType(root, items)}` : 'array';
      }
      return typeof schema['format'] === 'string' && type === 'string' ? `string (${schema['format']})` : type;
    });
  return words.length > 0 ? words.join(' | ') : 'any';
}

function objectProperties(root: unknown, schema: Schema): Schema | undefined {
  const properties = resolve(root, schema)['properties'];
  return isSchema(properties) ? properties : undefined;
}

function arrayItems(root: unknown, schema: Schema): Schema | undefined {
  const items = schema['items'];
  return isSchema(items) ? resolve(root, items) : undefined;
}

/** Follows `{ $ref: '#/$defs/x' }` inside the same document; anything else stays as it is. */
function resolve(root: unknown, raw: unknown, hops = 0): Schema {
  if (!isSchema(raw)) return {};
  const ref = raw['$ref'];
  if (typeof ref !== 'string' || !ref.startsWith('#/') || hops > 8) return raw;
  let target: unknown = root;
  for (const segment of ref.slice(2).split('/')) {
    const key = segment.replace(/~1/g, '/').replace(/~0/g, '~');
    target = isSchema(target) ? target[key] : undefined;
  }
  return resolve(root, target, hops + 1);
}

function isSchema(value: unknown): value is Schema {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
