import type { JsonSchema } from '../schema/json-schema';
import { compareValueKeywords, narrowedTypes } from './compare-keywords';
import type { SchemaChange } from './compat-finding';
import { asNode, childPath, constraintsText, resolveRefs, type SchemaNode, variantsOf } from './schema-walk';

/**
 * Compares two versions of one event's JSON Schema and lists the changes that break a consumer.
 * The rule: every event already on the stream must still be valid (nothing narrowed, no new
 * required field), and every field a consumer may rely on must still be there (nothing removed,
 * renamed or made optional). Adding optional fields and widening types are compatible; so is
 * closing an object (`additionalProperties: false`), because consumers read tolerantly.
 */
export function compareEventSchemas(previous: JsonSchema, current: JsonSchema): SchemaChange[] {
  return new SchemaComparison(previous, current, new Set()).compare('(root)', previous, current);
}

class SchemaComparison {
  constructor(
    private readonly previousRoot: JsonSchema,
    private readonly currentRoot: JsonSchema,
    /** Pairs of `$ref`s already compared: stops recursion (a definition used twice is reported at its first use). */
    private readonly seen: Set<string>,
  ) {}

  compare(field: string, previousNode: SchemaNode, currentNode: SchemaNode): SchemaChange[] {
    const before = resolveRefs(previousNode, this.previousRoot);
    const after = resolveRefs(currentNode, this.currentRoot);
    if (before.refs.length > 0 || after.refs.length > 0) {
      const pair = `${before.refs.at(-1) ?? ''}|${after.refs.at(-1) ?? ''}`;
      if (this.seen.has(pair)) return [];
      this.seen.add(pair);
    }
    const previousVariants = variantsOf(before.node);
    const currentVariants = variantsOf(after.node);
    if (previousVariants.length === 1 && currentVariants.length === 1) {
      return this.compareSingle(field, previousVariants[0], currentVariants[0]);
    }
    if (currentVariants.length === 0)
      return [{ field, rule: 'type-narrowed', detail: 'no variant is accepted any more' }];
    // Every alternative that was valid must still be valid as one of the current alternatives.
    const changes: SchemaChange[] = [];
    for (const variant of previousVariants) {
      const attempts = currentVariants.map((candidate) =>
        new SchemaComparison(this.previousRoot, this.currentRoot, new Set(this.seen)).compare(
          field,
          variant,
          candidate,
        ),
      );
      if (attempts.some((attempt) => attempt.length === 0)) continue;
      // Explain the failure against the closest alternative: one of the same type, then the fewest changes.
      const typeMismatch = (attempt: SchemaChange[]) =>
        Number(attempt.some((change) => change.field === field && change.rule === 'type-narrowed'));
      changes.push(...attempts.sort((a, b) => typeMismatch(a) - typeMismatch(b) || a.length - b.length)[0]);
    }
    return changes;
  }

  private compareSingle(field: string, previous: SchemaNode, current: SchemaNode): SchemaChange[] {
    if (current === true || previous === false) return [];
    if (current === false) return [{ field, rule: 'type-narrowed', detail: 'no value is accepted any more' }];
    const before = previous === true ? {} : previous;
    const typeChange = narrowedTypes(before, current);
    // A field whose type changed is one finding; what lies below it no longer compares.
    if (typeChange) return [{ field, rule: 'type-narrowed', detail: typeChange }];
    return [
      ...compareValueKeywords(field, before, current),
      ...this.compareProperties(field, before, current),
      ...this.compareItems(field, before, current),
    ];
  }

  private compareProperties(field: string, previous: JsonSchema, current: JsonSchema): SchemaChange[] {
    const changes: SchemaChange[] = [];
    const before = objectOf(previous['properties']);
    const after = objectOf(current['properties']);
    const requiredBefore = new Set(namesOf(previous['required']));
    const requiredAfter = new Set(namesOf(current['required']));
    const added = Object.keys(after).filter((name) => !(name in before));
    const renamedTo = new Set<string>();

    for (const [name, schema] of Object.entries(before)) {
      const path = childPath(field, name);
      if (!(name in after)) {
        const successor = added.find((candidate) => constraintsText(after[candidate]) === constraintsText(schema));
        if (successor) renamedTo.add(successor);
        changes.push(
          successor
            ? {
                field: path,
                rule: 'field-renamed',
                detail: `"${name}" is gone and "${successor}" has its schema: renamed?`,
              }
            : { field: path, rule: 'field-removed', detail: `"${name}" is no longer in the schema` },
        );
        continue;
      }
      if (requiredBefore.has(name) && !requiredAfter.has(name)) {
        changes.push({ field: path, rule: 'field-made-optional', detail: `"${name}" is no longer required` });
      }
      changes.push(...this.compare(path, asNode(schema), asNode(after[name])));
    }
    for (const name of requiredAfter) {
      if (requiredBefore.has(name) || renamedTo.has(name)) continue;
      changes.push(
        name in before
          ? {
              field: childPath(field, name),
              rule: 'field-made-required',
              detail: `"${name}" was optional and is now required`,
            }
          : { field: childPath(field, name), rule: 'new-required-field', detail: `"${name}" is new and required` },
      );
    }
    changes.push(...this.compareAdditional(field, previous['additionalProperties'], current['additionalProperties']));
    return changes;
  }

  /** Map-like objects (`z.record`): their value schema must not narrow, and they must stay open. */
  private compareAdditional(field: string, previous: unknown, current: unknown): SchemaChange[] {
    const path = childPath(field, '*');
    const previousIsSchema = previous !== null && typeof previous === 'object';
    if (current === false) {
      return previousIsSchema
        ? [{ field: path, rule: 'type-narrowed', detail: 'extra (map) properties are no longer allowed' }]
        : [];
    }
    if (current === undefined || current === true) return [];
    return this.compare(path, previousIsSchema ? asNode(previous) : true, asNode(current));
  }

  private compareItems(field: string, previous: JsonSchema, current: JsonSchema): SchemaChange[] {
    const changes: SchemaChange[] = [];
    const itemPath = (suffix: string) => (field === '(root)' ? suffix : `${field}${suffix}`);
    const previousTuple = Array.isArray(previous['prefixItems']) ? previous['prefixItems'] : [];
    const currentTuple = Array.isArray(current['prefixItems']) ? current['prefixItems'] : [];
    const previousRest = previous['items'] === undefined ? true : asNode(previous['items']);
    currentTuple.forEach((schema, index) => {
      const before = index < previousTuple.length ? asNode(previousTuple[index]) : previousRest;
      changes.push(...this.compare(itemPath(`[${index}]`), before, asNode(schema)));
    });
    if (current['items'] !== undefined) {
      changes.push(...this.compare(itemPath('[]'), previousRest, asNode(current['items'])));
    }
    return changes;
  }
}

function objectOf(value: unknown): Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

function namesOf(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((name): name is string => typeof name === 'string') : [];
}
