import { runBusBench } from './bus-bench';

// Started by run-bus-bench.ts, which sets up the compiler and the path aliases this needs.
runBusBench(process.argv.slice(2), process.env).catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
