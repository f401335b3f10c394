import fc from 'fast-check';

import { BODY_TARGETS, type BodyTarget } from './body-targets';
import { fieldPaths, type JsonObject, type JsonPath, objectPaths, REMOVE, withValueAt } from './json-paths';
import { authorized, type FuzzCategory, type FuzzContext, type MalformedRequest } from './malformed-request';

const target = fc.constantFrom(...BODY_TARGETS);

/** A target with a body it accepts, the start of every body mutation. */
const validStart = target.chain((chosen) => fc.tuple(fc.constant(chosen), chosen.path, chosen.valid));

function request(
  context: FuzzContext,
  category: FuzzCategory,
  chosen: BodyTarget,
  path: string,
  body: string | (() => string),
): MalformedRequest {
  return { category, service: chosen.service, method: chosen.method, path, headers: authorized(context, true), body };
}

/** Mutates a valid body with `mutate`; keeps only bodies the endpoint's contract refuses. */
function mutatedBodies<T>(
  context: FuzzContext,
  category: FuzzCategory,
  mutation: fc.Arbitrary<T>,
  mutate: (body: JsonObject, choice: T, chosen: BodyTarget) => unknown,
): fc.Arbitrary<MalformedRequest> {
  return fc
    .tuple(validStart, mutation)
    .map(([[chosen, path, body], choice]) => ({ chosen, path, body: mutate(body, choice, chosen) }))
    .filter(({ chosen, body }) => !chosen.accepts(body))
    .map(({ chosen, path, body }) => request(context, category, chosen, path, JSON.stringify(body) ?? 'null'));
}

function pick<T>(values: readonly T[], index: number): T {
  return values[index % values.length];
}

/** A field (or the whole body) replaced by a JSON value of any type. */
export function wrongTypes(context: FuzzContext): fc.Arbitrary<MalformedRequest> {
  return mutatedBodies(
    context,
    'wrong types',
    fc.tuple(fc.nat(), fc.jsonValue({ maxDepth: 2 })),
    (body, [index, value]) => withValueAt(body, pick<JsonPath>([[], ...fieldPaths(body)], index), value),
  );
}

/** One to three fields taken out. */
export function missingFields(context: FuzzContext): fc.Arbitrary<MalformedRequest> {
  return mutatedBodies(
    context,
    'missing fields',
    fc.array(fc.nat(), { minLength: 1, maxLength: 3 }),
    (body, indexes) => {
      let mutated: unknown = body;
      for (const index of indexes) {
        const paths = fieldPaths(mutated);
        if (paths.length > 0) mutated = withValueAt(mutated, pick(paths, index), REMOVE);
      }
      return mutated;
    },
  );
}

/** A field no contract has, at the top or in a nested object: contracts refuse unknown fields. */
export function unknownFields(context: FuzzContext): fc.Arbitrary<MalformedRequest> {
  const extra = fc.tuple(fc.nat(), fc.string({ minLength: 1, maxLength: 24 }), fc.jsonValue({ maxDepth: 1 }));
  return mutatedBodies(context, 'unknown fields', extra, (body, [index, key, value]) => {
    const at = pick(objectPaths(body), index);
    return withValueAt(body, [...at, `x-${key}`], value);
  });
}

/** A value of the right type that breaks a rule: a bad email, quantity 0, 101 lines, … */
export function valuesOutOfRange(context: FuzzContext): fc.Arbitrary<MalformedRequest> {
  return mutatedBodies(
    context,
    'values out of range',
    fc.tuple(fc.nat(), fc.nat()),
    (body, [fieldIndex, valueIndex], chosen) => {
      const candidates = fieldPaths(body).filter((path) => String(path[path.length - 1]) in chosen.badValues);
      const fields = Object.keys(chosen.badValues);
      // A field that may be absent (PATCH) is added with its bad value.
      const path = candidates.length > 0 ? pick(candidates, fieldIndex) : [pick(fields, fieldIndex)];
      return withValueAt(body, path, pick(chosen.badValues[String(path[path.length - 1])], valueIndex));
    },
  );
}

/** Bodies over the services' 1 MiB limit, built only when sent. */
export function hugePayloads(context: FuzzContext): fc.Arbitrary<MalformedRequest> {
  return fc
    .tuple(validStart, fc.integer({ min: 1_100_000, max: 3_000_000 }), fc.nat())
    .map(([[chosen, path, body], size, index]) => {
      const at = pick(fieldPaths(body), index);
      return request(context, 'huge payloads', chosen, path, () =>
        JSON.stringify(withValueAt(body, at, 'x'.repeat(size))),
      );
    });
}

/** Text sent as application/json that is not JSON: cut short, JavaScript-isms, random text, nothing. */
export function badJson(context: FuzzContext): fc.Arbitrary<MalformedRequest> {
  const breakJson = fc.oneof(
    fc.nat().map((cut) => (json: string) => json.slice(0, 1 + (cut % (json.length - 1)))),
    fc.constantFrom(
      (json: string) => json.replace(/"/g, "'"),
      (json: string) => json.replace(/}$/, ',}'),
      (json: string) => json.replace(/"([a-zA-Z]+)":/g, '$1:'),
      (json: string) => `${json}}`,
      (json: string) => `/* note */${json}`,
      (json: string) => json.replace(/:(\d+)/, ':NaN'),
      () => '',
    ),
    fc.string({ unit: 'binary', minLength: 1, maxLength: 200 }).map((text) => () => text),
  );
  return fc
    .tuple(validStart, breakJson)
    .map(([[chosen, path, body], broken]) => ({ chosen, path, text: broken(JSON.stringify(body)) }))
    .filter(({ text }) => !isJson(text))
    .map(({ chosen, path, text }) => request(context, 'bad JSON', chosen, path, text));
}

function isJson(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}
