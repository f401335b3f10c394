import { docker } from '../shell/docker';

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
      if (added.length > 0) await docker(['rmi', '--force', ...added]);
      return added.length;
    },
  };
}
