import type { IncomingMessage } from 'node:http';

/** Thrown past the limit; the message names it, which the gateway hands to the client. */
export class BodyTooLarge extends Error {
  override name = 'BodyTooLarge';
  constructor(readonly limit: number) {
    super(`request body exceeds ${limit} bytes`);
  }
}

/** Reads a request body, refusing more than `limit` bytes before buffering them. */
export async function readBody(req: IncomingMessage, limit: number): Promise<string> {
  // An honest client that announces too much is refused before we read a byte.
  const declared = Number(req.headers['content-length'] ?? 0);
  if (declared > limit) throw new BodyTooLarge(limit);
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > limit) throw new BodyTooLarge(limit);
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}
