import mongoose from 'mongoose';
import { Client } from 'pg';

import type { SeriesTable } from './series-table';

/**
 * The tables of the PostgreSQL domains that only the event bus and idempotency make grow, each
 * with the column its retention goes by (rows older than the window are deleted).
 */
const POSTGRES_TABLES: Record<string, Readonly<Record<string, string>>> = {
  orders: { mesh_outbox: 'created_at', mesh_inbox: 'applied_at', idempotency_keys: 'created_at' },
  analytics: { mesh_outbox: 'created_at', mesh_inbox: 'applied_at' },
};

/** The fields of a customer document that must stay bounded however many orders arrive. */
const CUSTOMER_FIELDS = ['_outbox', '_inbox', 'orderFacts'] as const;

/**
 * Row counts of the outbox, inbox and idempotency tables of orders and analytics, and the age of
 * each table's oldest row, which is what is judged (see `Series.judgedBy`).
 */
export async function samplePostgres(databaseUrls: Record<string, string>, table: SeriesTable): Promise<void> {
  for (const [domain, tables] of Object.entries(POSTGRES_TABLES)) {
    const client = new Client({ connectionString: databaseUrls[domain], connectionTimeoutMillis: 3_000 });
    await client.connect();
    try {
      for (const [name, ageColumn] of Object.entries(tables)) {
        const exists = await client.query<{ found: string | null }>('SELECT to_regclass($1) AS found', [name]);
        if (!exists.rows[0]?.found) continue;
        const counted = await client.query<{ rows: string; oldest_age: number | null }>(
          `SELECT count(*) AS rows, EXTRACT(EPOCH FROM now() - min(${ageColumn}))::float8 AS oldest_age FROM ${name}`,
        );
        const { rows, oldest_age: oldestAge } = counted.rows[0];
        const ageSeries = `${domain} ${name} oldest row age`;
        table.record(`${domain} ${name} rows`, 'rows', Number(rows), { judgedBy: ageSeries });
        if (oldestAge !== null) table.record(ageSeries, 'seconds', oldestAge);
      }
    } finally {
      await client.end();
    }
  }
}

/**
 * The customers' per-document outbox, inbox and order facts, summed over every customer: each
 * is bounded per document (published events leave, applied ids are capped, ended facts expire),
 * so with a fixed set of customers their sums must level off.
 */
export async function sampleCustomers(mongoUrl: string, table: SeriesTable): Promise<void> {
  const client = new mongoose.mongo.MongoClient(mongoUrl, { serverSelectionTimeoutMS: 3_000 });
  try {
    const projection = Object.fromEntries(CUSTOMER_FIELDS.map((field) => [field, 1]));
    const documents = await client.db().collection('customers').find({}, { projection }).toArray();
    for (const field of CUSTOMER_FIELDS) {
      const total = documents.reduce((sum, document) => sum + sizeOf(document[field]), 0);
      table.record(`customers ${field} entries (all customers)`, 'entries', total);
    }
  } finally {
    await client.close().catch(() => undefined);
  }
}

function sizeOf(value: unknown): number {
  if (Array.isArray(value)) return value.length;
  if (value !== null && typeof value === 'object') return Object.keys(value).length;
  return 0;
}
