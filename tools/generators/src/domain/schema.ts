/** Options of `nx g @mesh/tools:domain`, as schema.json describes them. */
export interface DomainGeneratorSchema {
  name: string;
  store?: 'postgres' | 'mongo';
  port?: number;
  consumes?: string;
}
