import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadTrustedDocuments, sha256Hex } from './manifest.js';

describe('loadTrustedDocuments', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'vitrine-trusted-'));
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  async function manifest(content: string): Promise<string> {
    const path = join(dir, 'manifest.json');
    await writeFile(path, content);
    return path;
  }

  it('is empty without a path', async () => {
    expect((await loadTrustedDocuments(undefined)).size).toBe(0);
  });

  it('maps each hash (lower-cased) to its document', async () => {
    const document = '{ products { id } }';
    const hash = sha256Hex(document);

    const documents = await loadTrustedDocuments(await manifest(JSON.stringify({ [hash.toUpperCase()]: document })));

    expect([...documents]).toEqual([[hash, document]]);
  });

  it.each([
    ['a missing file', null, /no such file/],
    ['invalid JSON', '{', /not valid JSON/],
    ['an array', '[]', /expected a JSON object/],
    ['a non-string document', JSON.stringify({ [sha256Hex('x')]: 1 }), /is not a string/],
    ['a key that is not the hash of its document', JSON.stringify({ [sha256Hex('{ a }')]: '{ b }' }), /is not the sha256 of its document/],
  ])('fails startup on %s, naming TRUSTED_DOCUMENTS_PATH', async (_name, content, problem) => {
    const path = content === null ? join(dir, 'absent.json') : await manifest(content);

    await expect(loadTrustedDocuments(path)).rejects.toThrow(/^TRUSTED_DOCUMENTS_PATH: /);
    await expect(loadTrustedDocuments(path)).rejects.toThrow(problem);
  });
});
