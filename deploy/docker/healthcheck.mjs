// The image's HEALTHCHECK: exits 0 when GET /health/ready on this container's PORT answers 2xx.
// Plain Node (no curl in the image); the timeout stays under the HEALTHCHECK's own.
const port = process.env.PORT || '3000';
const url = `http://127.0.0.1:${port}/health/ready`;

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
