/**
 * Reads a store URL that tools/infra resolved (or that the developer exported), failing with
 * the command that provides it rather than a connection error to a default address.
 */
export function storeUrl(name: string): string {
  const url = process.env[name];
  if (!url) {
    throw new Error(`${name} is not set: run \`npm run infra:up\` (or \`npm test\`), or export ${name}`);
  }
  return url;
}

/** A name unique to this test run, so runs never share or leave behind each other's data. */
export function uniqueName(prefix: string): string {
  return `${prefix}_${process.pid}_${Date.now().toString(36)}`;
}
