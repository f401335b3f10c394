import { currencyCode } from '@mesh/contract-kit';
import { countryCode } from '@mesh/customers-contracts';
import { listOrdersQuery } from '@mesh/orders-contracts';
import fc from 'fast-check';
import { z } from 'zod';

import type { DomainName } from '../../../kit/src/api/domain-apis';
import { authorized, type FuzzContext, type MalformedRequest, withId } from './malformed-request';

interface IdRoute {
  service: DomainName;
  method: MalformedRequest['method'];
  path: (id: string) => string;
  /** Ids the route takes: these are not malformed (they would only be unknown). */
  accepts: (id: string) => boolean;
}

const isUuid = (id: string) => z.uuid().safeParse(id).success;
// BullMQ job ids, as analytics' admin API checks them.
const isJobId = (id: string) => /^[A-Za-z0-9:_-]{1,200}$/.test(id);

const ID_ROUTES: readonly IdRoute[] = [
  { service: 'orders', method: 'GET', path: (id) => withId('/orders', id), accepts: isUuid },
  { service: 'orders', method: 'POST', path: (id) => withId('/orders', id, '/cancel'), accepts: isUuid },
  { service: 'orders', method: 'POST', path: (id) => withId('/orders', id, '/ship'), accepts: isUuid },
  { service: 'customers', method: 'GET', path: (id) => withId('/customers', id), accepts: isUuid },
  { service: 'customers', method: 'POST', path: (id) => withId('/customers', id, '/deactivate'), accepts: isUuid },
  { service: 'analytics', method: 'GET', path: (id) => withId('/customers', id, '/value'), accepts: isUuid },
  { service: 'analytics', method: 'GET', path: (id) => withId('/admin/jobs', id), accepts: isJobId },
];

const malformedId = fc.oneof(
  fc.string({ minLength: 1, maxLength: 60 }),
  fc.string({ unit: 'binary', minLength: 1, maxLength: 40 }),
  fc.integer().map(String),
  // A UUID with one character changed, dropped or added.
  fc
    .tuple(fc.uuid(), fc.nat(36), fc.constantFrom('g', 'z', '-', '', 'aa', '_', ' '))
    .map(([uuid, at, text]) => uuid.slice(0, at) + text + uuid.slice(at + 1)),
  fc.integer({ min: 201, max: 5_000 }).map((length) => 'a'.repeat(length)),
);

/** Path ids that are not ids at all: random text, numbers, damaged UUIDs, very long ones. */
export function badIds(context: FuzzContext): fc.Arbitrary<MalformedRequest> {
  return (
    fc
      .tuple(fc.constantFrom(...ID_ROUTES), malformedId)
      // `.` and `..` are path segments, not ids.
      .filter(([route, id]) => !route.accepts(id) && id !== '.' && id !== '..')
      .map(([route, id]) => ({
        category: 'bad ids',
        service: route.service,
        method: route.method,
        path: route.path(id),
        headers: authorized(context, false),
      }))
  );
}

type Query = Record<string, string | string[]>;

interface QueryRoute {
  service: DomainName;
  path: string;
  names: readonly string[];
  /** What the route accepts, as it reads the query (repeated names arrive as arrays). */
  accepts: (query: Query) => boolean;
}

const coercedInt = (max: number) => z.coerce.number().int().min(1).max(max);
const isoDay = z.iso.date();
const MAX_RANGE_DAYS = 366;

/** The analytics range rules: from ≤ to, at most 366 days, `to` defaulting to today and `from` to 29 days before it. */
function rangeAccepted(from: unknown, to: unknown): boolean {
  if (from !== undefined && !isoDay.safeParse(from).success) return false;
  if (to !== undefined && !isoDay.safeParse(to).success) return false;
  const end = Date.parse(typeof to === 'string' ? to : new Date().toISOString().slice(0, 10));
  const start = typeof from === 'string' ? Date.parse(from) : end - 29 * 86_400_000;
  return start <= end && (end - start) / 86_400_000 + 1 <= MAX_RANGE_DAYS;
}

// The list endpoints of customers and analytics ignore unknown parameters; these mirror the rules
// of the ones they read (their query DTOs live in the apps, which a tool may not import).
const QUERY_ROUTES: readonly QueryRoute[] = [
  {
    service: 'orders',
    path: '/orders',
    names: ['customerId', 'status', 'page', 'limit', 'sort'],
    accepts: (query) => listOrdersQuery.safeParse(query).success,
  },
  {
    service: 'customers',
    path: '/customers',
    names: ['country', 'page', 'limit'],
    accepts: (query) =>
      z
        .object({
          country: countryCode.optional(),
          page: coercedInt(1_000_000).optional(),
          limit: coercedInt(100).optional(),
        })
        .safeParse(query).success,
  },
  {
    service: 'analytics',
    path: '/sales/daily',
    names: ['from', 'to', 'currency'],
    accepts: (query) =>
      currencyCode.optional().safeParse(query['currency']).success && rangeAccepted(query['from'], query['to']),
  },
  {
    service: 'analytics',
    path: '/products/top',
    names: ['from', 'to', 'limit'],
    accepts: (query) =>
      coercedInt(100).optional().safeParse(query['limit']).success && rangeAccepted(query['from'], query['to']),
  },
];

const queryValue = fc.oneof(
  fc.string({ maxLength: 30 }),
  fc.integer({ min: -10, max: 2_000_000 }).map(String),
  fc.double().map(String),
  fc
    .date({ min: new Date('1900-01-01'), max: new Date('2200-01-01'), noInvalidDate: true })
    .map((date) => date.toISOString().slice(0, 10)),
  fc.constantFrom(
    '2026-02-30',
    '2026-13-01',
    '26-01-01',
    '2026-1-1',
    'today',
    'eur',
    'EUR',
    'placed',
    'lost',
    '1e3',
    '0x10',
    ' 1',
    '',
  ),
);

/** Query strings the list endpoints refuse: wrong formats, out-of-range numbers, bad ranges, repeated names. */
export function badQueryStrings(context: FuzzContext): fc.Arbitrary<MalformedRequest> {
  return fc
    .constantFrom(...QUERY_ROUTES)
    .chain((route) =>
      fc.tuple(
        fc.constant(route),
        fc.dictionary(
          fc.constantFrom(...route.names),
          fc.oneof(
            { weight: 4, arbitrary: queryValue },
            { weight: 1, arbitrary: fc.array(queryValue, { minLength: 2, maxLength: 3 }) },
          ),
          { minKeys: 1 },
        ),
      ),
    )
    .filter(([route, query]) => !route.accepts(query))
    .map(([route, query]) => ({
      category: 'bad query strings',
      service: route.service,
      method: 'GET',
      path: `${route.path}?${toQueryString(query)}`,
      headers: authorized(context, false),
    }));
}

function toQueryString(query: Query): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) for (const one of [value].flat()) params.append(name, one);
  return params.toString();
}
