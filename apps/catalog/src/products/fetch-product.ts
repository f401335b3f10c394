import { documentUrl } from './document-url';
import { excerpt, parseDocument } from './parse-document';
import type { ProductEntry } from './product-entry';
import { readLimitedText } from './read-limited-text';

const MAX_DOCUMENT_BYTES = 1024 * 1024;

/**
 * Reads one domain's `/.well-known/data-product`. Never throws: whatever goes wrong (refused,
 * timed out, HTTP error, not JSON, not a document) becomes an entry that says what and where, so
 * one broken domain never hides the others.
 */
export async function fetchProduct(baseUrl: string, timeoutMs: number): Promise<ProductEntry> {
  const url = documentUrl(baseUrl);
  const started = Date.now();
  const base = { url: baseUrl, documentUrl: url, fetchedAt: new Date(started).toISOString() };
  const took = () => Date.now() - started;
  const unusable = (error: string): ProductEntry => ({
    ...base,
    state: 'unusable',
    reachable: true,
    durationMs: took(),
    error,
  });
  let response: Response;
  try {
    response = await fetch(url, {
      headers: { accept: 'application/json' },
      redirect: 'error',
      signal: AbortSignal.timeout(timeoutMs),
    });
  } catch (error) {
    const message = describeFetchError(error, timeoutMs);
    return { ...base, state: 'unreachable', reachable: false, durationMs: took(), error: message };
  }
  let body: string;
  try {
    body = await readLimitedText(response, MAX_DOCUMENT_BYTES);
  } catch (error) {
    return unusable(`the answer could not be read: ${describeFetchError(error, timeoutMs)}`);
  }
  if (!response.ok) return unusable(`HTTP ${response.status}${excerpt(body)}`);
  const parsed = parseDocument(body);
  if ('error' in parsed) return unusable(parsed.error);
  return { ...base, state: 'available', reachable: true, durationMs: took(), document: parsed.document };
}

/** "fetch failed" alone says nothing: the cause (ECONNREFUSED, ENOTFOUND, …) is the story. */
export function describeFetchError(error: unknown, timeoutMs: number): string {
  // Duck-typed: fetch's errors (a DOMException among them) may come from another realm than this Error.
  const name = (value: unknown) =>
    typeof value === 'object' && value !== null && 'name' in value ? value.name : undefined;
  if (name(error) === 'TimeoutError' || name(error) === 'AbortError') return `no answer within ${timeoutMs} ms`;
  const messages: string[] = [];
  for (let current: unknown = error; current !== undefined && current !== null && messages.length < 4;) {
    if (typeof current === 'object' && 'message' in current) {
      messages.push(String(current.message));
      current = 'cause' in current ? current.cause : undefined;
    } else {
      messages.push(String(current));
      current = undefined;
    }
  }
  return messages.filter((message, index) => message && messages.indexOf(message) === index).join(': ');
}
