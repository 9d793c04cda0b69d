import type { IncomingMessage } from 'node:http';

export class BodyTooLargeError extends Error {
  override name = 'BodyTooLargeError';
}

/** Buffers the request body, giving up past `limit` bytes. */
export async function readBody(req: IncomingMessage, limit: number): Promise<string> {
  // An honest client that announces too much is refused before we read a byte.
  if (Number(req.headers['content-length']) > limit) throw new BodyTooLargeError(`request body exceeds ${limit} bytes`);
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > limit) throw new BodyTooLargeError(`request body exceeds ${limit} bytes`);
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}
