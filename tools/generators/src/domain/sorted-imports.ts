import { type Tree, visitNotIgnoredFiles, workspaceRoot } from '@nx/devkit';
import { ESLint, type Linter } from 'eslint';
import { join } from 'node:path';
import tseslint from 'typescript-eslint';

/** The rules of tools/lint/import-order.cjs, the CommonJS file that eslint.config.mjs reads too. */
const importOrder = require(join(workspaceRoot, 'tools', 'lint', 'import-order.cjs')) as Pick<
  Linter.Config,
  'plugins' | 'rules'
>;

/**
 * Puts the imports and exports of the generated TypeScript files in the order the workspace's
 * lint wants (tools/lint/import-order.cjs, which eslint.config.mjs applies too). A template
 * cannot: a module path that holds the domain's name sorts differently for each name. Only those
 * rules run, without type information: the files are not on disk yet.
 */
export async function sortGeneratedImports(tree: Tree, folders: readonly string[]): Promise<void> {
  const eslint = new ESLint({
    cwd: workspaceRoot,
    fix: true,
    overrideConfigFile: true,
    overrideConfig: { files: ['**/*.ts'], languageOptions: { parser: tseslint.parser }, ...importOrder },
  });
  const paths: string[] = [];
  for (const folder of folders) {
    visitNotIgnoredFiles(tree, folder, (path) => {
      if (path.endsWith('.ts')) paths.push(path);
    });
  }
  for (const path of paths) {
    const [result] = await eslint.lintText(tree.read(path, 'utf-8') ?? '', { filePath: join(workspaceRoot, path) });
    if (result?.output !== undefined) tree.write(path, result.output);
  }
}
