// Writes dist/trusted-documents.json: the gateway's trusted-documents manifest (TRUSTED_DOCUMENTS_PATH) for
// client `web`, every operation of the storefront keyed by the SHA-256 of its exact text, as the gateway's
// README says. GraphQL Code Generator's client preset wrote them (src/__generated__/app/persisted-documents.json);
// this checks each key is the hash of its text (the gateway refuses to start otherwise) and that no operation
// of the app is missing, then writes the manifest. Run by `npm run build`.
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

const root = join(import.meta.dirname, '..');
const source = join(root, 'src/__generated__/app/persisted-documents.json');
const target = join(root, 'dist/trusted-documents.json');

// The preset writes keys as `sha256:<hex>` (the GraphQL over HTTP form, which the gateway also takes as a
// documentId); the manifest's keys are the bare hex.
const documents = Object.fromEntries(Object.entries(JSON.parse(readFileSync(source, 'utf8'))).map(([key, text]) => [key.replace(/^sha256:/, ''), text]));
const entries = Object.entries(documents);
if (entries.length === 0) throw new Error(`${source} lists no operation: run the codegen`);
for (const [hash, text] of entries) {
  const actual = createHash('sha256').update(text).digest('hex');
  if (actual !== hash) throw new Error(`${source}: the key ${hash} is not the SHA-256 of its document (${actual})`);
}
const generated = readFileSync(join(root, 'src/__generated__/app/graphql.ts'), 'utf8');
const embedded = new Set([...generated.matchAll(/"hash":"(?:sha256:)?([0-9a-f]{64})"/g)].map((m) => m[1]));
const missing = [...embedded].filter((hash) => !(hash in documents));
if (missing.length > 0) throw new Error(`operations of the app missing from ${source}: ${missing.join(', ')}`);
mkdirSync(dirname(target), { recursive: true });
writeFileSync(target, `${JSON.stringify(documents, null, 2)}\n`);
console.log(`[web] ${entries.length} trusted documents for client "web" -> ${target}`);
