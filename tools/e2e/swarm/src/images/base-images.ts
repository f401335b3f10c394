import { ensureBaseImage } from '../base-images/base-image';
import { ferretdbImageRecipe } from '../base-images/ferretdb-image';
import { haproxyImageRecipe } from '../base-images/haproxy-image';
import { nodeImageRecipe } from '../base-images/node-image';
import { postgresImageRecipe, redisImageRecipe } from '../base-images/store-images';

export interface BaseImages {
  readonly node: string;
  readonly redis: string;
  readonly postgres: string;
  readonly ferretdb: string;
  readonly gateway: string;
}

/**
 * The images the stack needs from elsewhere, made from this machine's files (no registry
 * answers here): Node for the Dockerfile, Redis, PostgreSQL, FerretDB and HAProxy. Each is
 * imported once and reused while its inputs stay the same.
 */
export async function ensureBaseImages(workDirectory: string, log: (line: string) => void): Promise<BaseImages> {
  const ensure = async (recipe: Parameters<typeof ensureBaseImage>[0]) => {
    const { reference, built } = await ensureBaseImage(recipe, workDirectory);
    log(`  ${reference}${built ? ' (imported)' : ' (cached)'}`);
    return reference;
  };
  return {
    node: await ensure(await nodeImageRecipe()),
    redis: await ensure(await redisImageRecipe()),
    postgres: await ensure(await postgresImageRecipe()),
    ferretdb: await ensure(await ferretdbImageRecipe(log)),
    gateway: await ensure(await haproxyImageRecipe(workDirectory)),
  };
}
