/**
 * The body as text, refusing one larger than `maxBytes`: a manifest is a few kilobytes, and a
 * misbehaving upstream must not make the catalog buffer whatever it sends.
 */
export async function readLimitedText(response: Response, maxBytes: number): Promise<string> {
  const declared = Number(response.headers.get('content-length'));
  if (declared > maxBytes) throw new Error(`the answer is ${declared} bytes, more than the ${maxBytes} allowed`);
  if (!response.body) return '';
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of response.body) {
    size += chunk.byteLength;
    if (size > maxBytes) throw new Error(`the answer is more than the ${maxBytes} bytes allowed`);
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}
