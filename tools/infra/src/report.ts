import type { StoreStatus } from './status';
import type { StoreResolution } from './stores/store-types';

/** Hides a password in a URL before it is printed. */
export function redact(url: string): string {
  return url.replace(/^([a-z][a-z0-9+.-]*:\/\/[^:/@]*:)[^@/]*@/i, '$1***@');
}

export function formatResolution(resolution: StoreResolution): string {
  return `  ${resolution.store.padEnd(8)} ${redact(resolution.url)}\n           ${resolution.detail}`;
}

export function formatStatus(status: StoreStatus): string {
  const url = status.url === undefined ? '(no URL)' : redact(status.url);
  const answer = status.source === 'unresolved' ? '' : status.answers ? ', answers' : ', DOES NOT ANSWER';
  return `  ${status.store.padEnd(8)} ${url}\n           ${status.detail}${answer}`;
}
