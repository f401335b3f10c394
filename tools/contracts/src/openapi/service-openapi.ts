import { execFile } from 'node:child_process';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';

/** The committed OpenAPI document, in the generated folder beside the event contracts. */
export const OPENAPI_PATH = 'openapi.json';

/** Where a domain's service is defined: what `main.ts` hands to `runService`. */
export interface ServiceSource {
  /** `<file>#<export>` of the Nest root module, e.g. `apps/orders/src/app.module.ts#OrdersModule`. */
  app: string;
  /** `<file>#<export>` of its options (`openApi` title, version, description). */
  serviceOptions: string;
}

const workspace = resolve(__dirname, '../../../..');
const printer = join(__dirname, 'print-openapi-document.ts');
const run = promisify(execFile);

/**
 * The service's OpenAPI document as the gate commits it: rendered by `print-openapi-document.ts`
 * in a process of its own (see there why), from the service's code with no store running.
 */
export async function renderServiceOpenApi(source: ServiceSource): Promise<string> {
  const args = ['-r', '@swc-node/register', printer, `--app=${source.app}`, `--serviceOptions=${source.serviceOptions}`];
  try {
    const { stdout } = await run(process.execPath, args, {
      cwd: workspace,
      // swc-node must read the @mesh/* paths from the base tsconfig, relative to the workspace.
      env: { ...process.env, SWC_NODE_PROJECT: join(workspace, 'tsconfig.base.json') },
      maxBuffer: 64 * 1024 * 1024,
    });
    return stdout;
  } catch (error) {
    const stderr = (error as { stderr?: string }).stderr?.trim();
    throw new Error(`the OpenAPI document of ${source.app} could not be built${stderr ? `:\n${stderr}` : ''}`, {
      cause: error,
    });
  }
}
