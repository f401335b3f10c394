import { seconds } from '../report/phases';
import { type App, APP_REPOSITORY_PREFIX, APPS, buildAppImage } from './app-images';
import { writeSourceContext } from './build-context';
import { expectCurrentNode } from './image-node-version';

export interface MeshImages {
  /** The orders image the rolling update moves to. */
  readonly nextOrders: string;
}

/**
 * Every app's image (tag `e2e`) from deploy/docker/Dockerfile on the local Node image, and a
 * second orders image for the rolling update: the same build, all from cache, with a label that
 * makes it another image under another tag (`e2e-next`).
 */
export async function buildMeshImages(
  baseImage: string,
  workDirectory: string,
  runId: string,
  log: (line: string) => void,
): Promise<MeshImages> {
  const contextArchive = await writeSourceContext(workDirectory);
  const build = async (app: App) => {
    const started = Date.now();
    const image = await buildAppImage({ app, tag: 'e2e', baseImage, contextArchive, log });
    log(`  ${image} built in ${seconds(Date.now() - started)}`);
  };
  // The first build makes the layers all apps share (dependencies, sources); the others then
  // build two at a time, one per core.
  await build(APPS[0]);
  await inPairs(APPS.slice(1), build);
  log(`  node --version in the images: ${await expectCurrentNode(`${APP_REPOSITORY_PREFIX}/${APPS[0]}:e2e`)}`);
  const nextOrders = await buildAppImage({
    app: 'orders',
    tag: 'e2e-next',
    baseImage,
    contextArchive,
    labels: { 'mesh.e2e.run': runId },
    log,
  });
  return { nextOrders };
}

async function inPairs<T>(items: readonly T[], run: (item: T) => Promise<void>): Promise<void> {
  const queue = [...items];
  const worker = async () => {
    for (let item = queue.shift(); item !== undefined; item = queue.shift()) await run(item);
  };
  await Promise.all([worker(), worker()]);
}
