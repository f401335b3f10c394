import { docker, dockerResult } from '../shell/docker';

/** The ids of every image the daemon holds, intermediate build stages included. */
async function imageIds(): Promise<Set<string>> {
  const listed = await docker(['images', '--all', '--quiet', '--no-trunc']);
  return new Set(listed.split('\n').filter(Boolean));
}

/**
 * Remembers the images there are now; `remove()` deletes the ones added since (the base and app
 * images this run built or imported, and their build stages), whatever their tags.
 * @returns remove(), which resolves to how many images it deleted.
 */
export async function trackAddedImages(): Promise<{ remove(): Promise<number> }> {
  const before = await imageIds();
  return {
    remove: async () => {
      const added = [...(await imageIds())].filter((id) => !before.has(id));
      // One at a time, in passes: docker refuses to delete an image that others were built on
      // ("has dependent child images") until they are gone, and an image deleted with its
      // parent is gone already. A pass that deletes nothing ends it, naming what is left.
      let left = added;
      while (left.length > 0) {
        const refusals: string[] = [];
        for (const id of left) {
          const result = await dockerResult(['rmi', '--force', id]);
          if (result.code !== 0) refusals.push(`${id}: ${result.stderr.trim()}`);
        }
        const present = await imageIds();
        const still = left.filter((id) => present.has(id));
        if (still.length === left.length)
          throw new Error(`docker rmi left ${still.length} image(s):\n${refusals.join('\n')}`);
        left = still;
      }
      return added.length;
    },
  };
}
