import type { CatalogManifest } from '../products/data-product-document.schema';
import { classifiedPointers } from '../schemas/classified-pointers';
import { schemaFields } from '../schemas/schema-fields';

/** One thing the search found, with where the page shows it. */
export interface SearchHit {
  kind: 'product' | 'owner' | 'stream' | 'event-type' | 'field';
  /** What matched, as shown: a product title, a team, a stream, an event type, a field name. */
  label: string;
  /** Its context: `orders · order-management`, `customers.customer.registered v1 · string (email)`. */
  detail: string;
  product: string;
  eventType: string | null;
  /** The page's view of it: `/#/products/<name>` or `/#/events/<type>`. */
  href: string;
}

interface Candidate extends SearchHit {
  /** Lower-case text every term is looked for in. */
  text: string;
}

const KIND_ORDER: readonly SearchHit['kind'][] = ['product', 'event-type', 'field', 'stream', 'owner'];
export const MAX_HITS = 50;

/**
 * Finds products, owners, streams, event types and fields whose names or descriptions hold every
 * word of `query` (case-insensitive). A name equal to the query comes first, then names that
 * start with it, then by kind. A few hundred candidates at most: a plain scan is enough.
 */
export function searchCatalog(manifests: readonly CatalogManifest[], query: string, limit = MAX_HITS): SearchHit[] {
  const terms = query.toLowerCase().split(/\s+/).filter(Boolean);
  if (terms.length === 0) return [];
  const whole = terms.join(' ');
  const rank = (hit: Candidate) => {
    const label = hit.label.toLowerCase();
    const closeness = label === whole ? 0 : label.startsWith(whole) ? 1 : 2;
    return closeness * 10 + KIND_ORDER.indexOf(hit.kind);
  };
  return candidatesOf(manifests)
    .filter((candidate) => terms.every((term) => candidate.text.includes(term)))
    .map((candidate) => ({ candidate, rank: rank(candidate) }))
    .sort((a, b) => a.rank - b.rank)
    .slice(0, limit)
    .map(({ candidate: { text: _text, ...hit } }) => hit);
}

function candidatesOf(manifests: readonly CatalogManifest[]): Candidate[] {
  return manifests.flatMap((manifest) => {
    const product = manifest.name;
    const productHref = `/#/products/${encodeURIComponent(product)}`;
    const of = (hit: Omit<SearchHit, 'product'>, ...words: string[]): Candidate => ({
      ...hit,
      product,
      text: [hit.label, ...words].join(' ').toLowerCase(),
    });
    const candidates: Candidate[] = [
      of(
        { kind: 'product', label: manifest.title, detail: `${product} · ${manifest.owner.team}`, eventType: null, href: productHref },
        product,
        manifest.domain,
        manifest.description,
      ),
      of(
        { kind: 'owner', label: manifest.owner.team, detail: `owns ${manifest.title} · ${manifest.owner.contact}`, eventType: null, href: productHref },
        manifest.owner.contact,
      ),
    ];
    for (const port of manifest.outputPorts.streams) {
      candidates.push(
        of({ kind: 'stream', label: port.stream, detail: `${manifest.title} · ${port.description}`, eventType: null, href: productHref }, port.key ?? ''),
      );
      for (const event of port.events) {
        const href = `/#/events/${encodeURIComponent(event.type)}`;
        candidates.push(
          of(
            { kind: 'event-type', label: event.type, detail: `v${event.version} on ${port.stream} · ${event.description}`, eventType: event.type, href },
            event.description,
            event.dataschema,
          ),
        );
        for (const field of schemaFields(event.schema, classifiedPointers(manifest, event.type))) {
          const classified = field.classification ? ` · ${field.classification}` : '';
          candidates.push(
            of(
              { kind: 'field', label: field.name, detail: `${event.type} v${event.version} · ${field.type}${classified}`, eventType: event.type, href },
              event.type,
              field.description ?? '',
              field.classification ?? '',
            ),
          );
        }
      }
    }
    return candidates;
  });
}
