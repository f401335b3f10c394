import type { DataProductOwner } from '../product/data-product';
import type { JsonObject } from './json-document';

const emailAddress = /^[^@\s]+@[^@\s]+\.[^@\s]+$/;
const webAddress = /^https?:\/\/\S+$/;

/** The owner as an AsyncAPI contact: an email or a URL where it is one, else just named. */
export function contactOf(owner: DataProductOwner): JsonObject {
  if (emailAddress.test(owner.contact)) return { name: owner.team, email: owner.contact };
  if (webAddress.test(owner.contact)) return { name: owner.team, url: owner.contact };
  return { name: `${owner.team} (${owner.contact})` };
}

/** The owner's contact as a URL, for ODCS support channels and Backstage links. */
export function contactUrl(owner: DataProductOwner): { channel: string; url: string } {
  if (emailAddress.test(owner.contact)) return { channel: 'email', url: `mailto:${owner.contact}` };
  return { channel: webAddress.test(owner.contact) ? 'web' : owner.contact, url: owner.contact };
}
