import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';

/** sha256 hex (lower case) -> GraphQL document. */
export type TrustedDocuments = ReadonlyMap<string, string>;

export function sha256Hex(document: string): string {
  return createHash('sha256').update(document, 'utf8').digest('hex');
}

/**
 * Loads the manifest at startup (TRUSTED_DOCUMENTS_PATH), failing fast on
 * anything odd: a typo'd path, bad JSON, or an entry whose key is not the
 * sha256 of its document (a stale or hand-edited manifest would otherwise run
 * a different operation than the client asked for).
 */
export async function loadTrustedDocuments(path: string | undefined): Promise<TrustedDocuments> {
  if (path === undefined) return new Map();
  const problem = (detail: string) => new Error(`TRUSTED_DOCUMENTS_PATH: ${path}: ${detail}`);
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw problem((error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message);
  }
  let manifest: unknown;
  try {
    manifest = JSON.parse(text);
  } catch {
    throw problem('not valid JSON');
  }
  if (typeof manifest !== 'object' || manifest === null || Array.isArray(manifest)) {
    throw problem('expected a JSON object of { "<sha256 hex>": "<document>" }');
  }
  const documents = new Map<string, string>();
  for (const [hash, document] of Object.entries(manifest)) {
    if (typeof document !== 'string') throw problem(`entry ${hash} is not a string`);
    if (sha256Hex(document) !== hash.toLowerCase()) throw problem(`entry ${hash} is not the sha256 of its document`);
    documents.set(hash.toLowerCase(), document);
  }
  return documents;
}
