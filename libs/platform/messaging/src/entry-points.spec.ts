import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

const workspace = join(__dirname, '../../../..');

/** The ORM packages a fresh Node process has loaded after requiring one entry point of this library. */
function ormsLoadedBy(entryPoint: string): string[] {
  const script = `
    require(${JSON.stringify(join(__dirname, entryPoint))});
    const orms = Object.keys(require.cache).map((path) => /node_modules\\/(typeorm|mongoose|mongodb|pg)\\//.exec(path)?.[1]);
    console.log(JSON.stringify([...new Set(orms.filter(Boolean))].sort()));`;
  const output = execFileSync(process.execPath, ['--import', 'tsx', '-e', script], {
    cwd: workspace,
    env: { ...process.env, TSX_TSCONFIG_PATH: join(workspace, 'tsconfig.base.json') },
    encoding: 'utf8',
  });
  return JSON.parse(output.trim().split('\n').pop() as string) as string[];
}

describe('the entry points of @mesh/messaging', () => {
  it('the core loads neither ORM, so a service loads only its own store', () => {
    expect(ormsLoadedBy('index.ts')).toEqual([]);
  });

  it('@mesh/messaging/typeorm loads TypeORM and not Mongoose', () => {
    expect(ormsLoadedBy('typeorm.ts')).toEqual(['typeorm']);
  });

  it('@mesh/messaging/mongoose loads Mongoose and not TypeORM', () => {
    expect(ormsLoadedBy('mongoose.ts')).toEqual(['mongodb', 'mongoose']);
  });
});
