/** `<base>/.well-known/data-product`, keeping a path prefix the base may have (a gateway route). */
export function documentUrl(baseUrl: string): string {
  const base = baseUrl.endsWith('/') ? baseUrl : `${baseUrl}/`;
  return new URL('.well-known/data-product', base).toString();
}
