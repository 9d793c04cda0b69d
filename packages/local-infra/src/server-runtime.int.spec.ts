import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { serverNodeFlags } from './server-runtime.js';

// Reads the repository's own files: the Docker image and the packages' start scripts must run servers as startProcess does.
const root = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
const read = (path: string) => readFileSync(join(root, path), 'utf8');
const servers = readdirSync(join(root, 'services'))
  .map((name) => `services/${name}`)
  .concat('gateway');

describe("the servers' Node flags", () => {
  it('are set at all', () => {
    expect(serverNodeFlags.length).toBeGreaterThan(0);
  });

  it("are the Docker image's NODE_OPTIONS", () => {
    const options = /^ENV NODE_OPTIONS="?([^"\n]+)"?$/m.exec(read('Dockerfile'))?.[1];
    expect(options?.split(' ')).toEqual(serverNodeFlags);
  });

  it.each(servers)("are on %s's npm start script", (folder) => {
    const start = (JSON.parse(read(`${folder}/package.json`)) as { scripts: { start: string } }).scripts.start;
    expect(start).toBe(`node ${serverNodeFlags.join(' ')} dist/main.js`);
  });

  it('are on the start script `npm run new:subgraph` writes', () => {
    const start = /"start": "([^"]+)"/.exec(read('scripts/new-subgraph/template/package.json.tmpl'))?.[1];
    expect(start).toBe(`node ${serverNodeFlags.join(' ')} dist/main.js`);
  });
});
