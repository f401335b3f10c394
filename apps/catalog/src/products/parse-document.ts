import type { z } from 'zod';

import { type CatalogDocument, dataProductDocumentSchema } from './data-product-document.schema';

export type ParsedDocument = { document: CatalogDocument } | { error: string };

/** A body that should be a data-product document, checked; the error names the first wrong fields. */
export function parseDocument(body: string): ParsedDocument {
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch (error) {
    return {
      error: `the answer is not JSON (${error instanceof Error ? error.message : String(error)})${excerpt(body)}`,
    };
  }
  const parsed = dataProductDocumentSchema.safeParse(json);
  if (!parsed.success) return { error: `the answer is not a data-product document: ${describeIssues(parsed.error)}` };
  // The checked value would lose the fields this catalog does not know yet (zod strips them); the
  // original keeps them for /api/products, and it has the checked shape, since nothing transforms.
  return { document: json as CatalogDocument };
}

function describeIssues(error: z.ZodError): string {
  const shown = error.issues.slice(0, 5).map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`);
  const more = error.issues.length - shown.length;
  return shown.join('; ') + (more > 0 ? `; and ${more} more` : '');
}

/** The start of a body, on one line, for an error message. */
export function excerpt(body: string): string {
  const trimmed = body.trim().replace(/\s+/g, ' ');
  if (!trimmed) return '';
  return `: ${trimmed.length > 200 ? `${trimmed.slice(0, 200)}…` : trimmed}`;
}
