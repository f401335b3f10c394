import { describeError } from '@mesh/infra';

/**
 * Runs a proof's `main` and exits with its code. Exits explicitly: everything the run started is
 * gone by then, and a connection some library keeps open must not hold CI for minutes.
 */
export function runMain(name: string, main: (argv: readonly string[]) => Promise<number>): void {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (error: unknown) => {
      console.error(`${name}: ${describeError(error)}`);
      process.exit(1);
    },
  );
}
