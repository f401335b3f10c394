// The image's HEALTHCHECK: exits 0 when GET /health/live on this container's PORT answers 2xx.
// Liveness, not readiness: a task whose database is away for a while is unready (the gateway,
// which asks /health/ready, stops routing to it) but must not be restarted for it; a restart
// would not bring the database back and would drop the work in hand. Plain Node (no curl in the
// image); the timeout stays under the HEALTHCHECK's own.
const port = process.env.PORT || '3000';
const url = `http://127.0.0.1:${port}/health/live`;

try {
  const response = await fetch(url, { signal: AbortSignal.timeout(3_000) });
  if (!response.ok) {
    console.error(`${url} answered ${response.status}: ${(await response.text()).slice(0, 500)}`);
    process.exit(1);
  }
} catch (error) {
  console.error(`${url}: ${error instanceof Error ? (error.cause?.message ?? error.message) : String(error)}`);
  process.exit(1);
}
