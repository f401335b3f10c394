// Public surface of the @mesh/tools Nx plugin (generators.json names the generators themselves).
export { domainGenerator } from './domain/generator';
export type { DomainGeneratorSchema } from './domain/schema';
