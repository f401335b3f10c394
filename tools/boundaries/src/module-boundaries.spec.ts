import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const workspaceRoot = join(__dirname, '..', '..', '..');
const fixtures = join(workspaceRoot, 'tools', 'boundaries', 'fixtures');
const ordersAppFile = join(fixtures, 'orders-app', 'src', 'main.ts');
const contractsFile = join(fixtures, 'customers-contracts', 'src', 'index.ts');

interface LintMessage {
  ruleId: string | null;
  message: string;
}

/**
 * Lints `code` as if it were the file at `filePath`, through the ESLint CLI and the workspace's
 * real config: the same path `nx lint` takes (ESLint loads its config with a dynamic import,
 * which Jest's VM does not allow in-process).
 */
function boundaryErrors(code: string, filePath: string): string[] {
  const eslintBin = join(workspaceRoot, 'node_modules', '.bin', 'eslint');
  const run = spawnSync(eslintBin, ['--stdin', '--stdin-filename', filePath, '--format', 'json'], {
    cwd: workspaceRoot,
    input: code,
    encoding: 'utf8',
  });
  if (run.stdout.trim() === '') {
    throw new Error(`eslint printed no report (exit ${run.status}): ${run.stderr}`);
  }
  const [report] = JSON.parse(run.stdout) as Array<{ messages: LintMessage[] }>;
  return report.messages
    .filter((message) => message.ruleId === '@nx/enforce-module-boundaries')
    .map((message) => message.message);
}

describe('module boundaries (ARCHITECTURE.md section 2)', () => {
  jest.setTimeout(60_000);

  it("rejects a domain app importing another domain's app code", () => {
    const code = "export { customerTable } from '../../customers-app/src/customer-repository';\n";
    const errors = boundaryErrors(code, ordersAppFile);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/relative or absolute path/);
  });

  it('lets a domain app use a platform library', () => {
    const code = "export * from '@mesh/service';\n";
    expect(boundaryErrors(code, ordersAppFile)).toEqual([]);
  });

  it('keeps contracts libraries free of NestJS', () => {
    const code = "export { Injectable } from '@nestjs/common';\n";
    const errors = boundaryErrors(code, contractsFile);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/@nestjs\/common/);
  });

  it('keeps contracts libraries off NestJS-based platform libraries', () => {
    const code = "export * from '@mesh/service';\n";
    const errors = boundaryErrors(code, contractsFile);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/runtime:framework-free/);
  });
});
