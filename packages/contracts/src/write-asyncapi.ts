// Build step: writes asyncapi.json next to package.json (committed, so partners can read it in the repo).
import { writeFile } from 'node:fs/promises';
import { buildAsyncApiDocument } from './asyncapi.js';

await writeFile(new URL('../asyncapi.json', import.meta.url), `${JSON.stringify(buildAsyncApiDocument(), null, 2)}\n`);
