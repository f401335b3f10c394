/**
 * Runs `count` workers, each repeating `step`, for as long as `during` takes; then waits for them
 * to finish their current step. A worker that fails stops all of them, and its error is thrown
 * once `during` and the others have ended (an error of `during` itself comes first).
 */
export async function workersDuring<T>(count: number, step: () => Promise<void>, during: () => Promise<T>): Promise<T> {
  let stop = false;
  const errors: unknown[] = [];
  const workers = Array.from({ length: count }, async () => {
    try {
      while (!stop) await step();
    } catch (error) {
      errors.push(error);
      stop = true;
    }
  });
  let result: T;
  try {
    result = await during();
  } finally {
    stop = true;
    await Promise.all(workers);
  }
  if (errors.length > 0) throw errors[0];
  return result;
}
