import { workspaceRoot } from '@nx/devkit';
import { ESLint, type Linter } from 'eslint';
import { join } from 'node:path';
import tseslint from 'typescript-eslint';

import { domainGenerator } from './generator';
import { workspaceTree } from './generator-test-kit';

jest.setTimeout(60_000);

const importOrder = require(join(workspaceRoot, 'tools', 'lint', 'import-order.cjs')) as Pick<
  Linter.Config,
  'plugins' | 'rules'
>;

describe('the generated files', () => {
  // `@mesh/<name>-contracts` sorts before `@mesh/messaging` for one name and after it for the other.
  it.each([
    ['aardvark', 'postgres'],
    ['zebra', 'mongo'],
  ] as const)('import in the order the workspace lint wants, for a domain named %s (%s)', async (name, store) => {
    const tree = workspaceTree();
    await domainGenerator(tree, { name, store });
    const lint = new ESLint({
      cwd: workspaceRoot,
      overrideConfigFile: true,
      overrideConfig: { files: ['**/*.ts'], languageOptions: { parser: tseslint.parser }, ...importOrder },
    });
    const generated = tree
      .listChanges()
      .filter((change) => change.type === 'CREATE' && change.path.endsWith('.ts'))
      .map((change) => change.path);
    expect(generated.length).toBeGreaterThan(20);
    const unsorted: string[] = [];
    for (const path of generated) {
      const [result] = await lint.lintText(tree.read(path, 'utf-8') ?? '', { filePath: join(workspaceRoot, path) });
      if (result.messages.length > 0) unsorted.push(`${path}: ${result.messages.map((m) => m.message).join('; ')}`);
    }
    expect(unsorted).toEqual([]);
  });
});
