import { names } from '@nx/devkit';

/** Lower-case kebab: it becomes a project, package, stream prefix, scope tag, consumer group and database. */
const DOMAIN_NAME = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;

/** Names that would collide with the workspace's own folders, packages or tags. */
const RESERVED = new Set(['platform', 'tools', 'mesh', 'test', 'apps', 'libs', 'shared', 'contracts']);

/** Every spelling of the domain name the templates need. */
export interface DomainNames {
  /** `inventory-items`: projects, folders, stream and event prefix, consumer group, scope tag. */
  name: string;
  /** `InventoryItems`: class names. */
  className: string;
  /** `inventoryItems`: variables and exports. */
  propertyName: string;
  /** `INVENTORY_ITEMS`: environment variables. */
  constantName: string;
  /** `Inventory items`: titles in OpenAPI and the product manifest. */
  title: string;
  /** `inventory_items`: the PostgreSQL or MongoDB database. */
  databaseName: string;
}

/** @throws naming the rule when `name` cannot be a domain. */
export function domainNames(name: string): DomainNames {
  if (!DOMAIN_NAME.test(name)) {
    throw new Error(`domain name "${name}" must be lower-case kebab, e.g. inventory or loyalty-points`);
  }
  if (RESERVED.has(name)) throw new Error(`domain name "${name}" is reserved by the workspace; choose another`);
  const spelled = names(name);
  const words = name.split('-');
  return {
    name,
    className: spelled.className,
    propertyName: spelled.propertyName,
    constantName: spelled.constantName,
    title: [words[0].charAt(0).toUpperCase() + words[0].slice(1), ...words.slice(1)].join(' '),
    databaseName: words.join('_'),
  };
}
