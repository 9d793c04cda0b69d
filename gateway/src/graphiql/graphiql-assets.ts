import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { graphiqlBootScript } from './graphiql-page.js';

export interface StaticAsset {
  readonly body: Buffer;
  readonly contentType: string;
}

const require = createRequire(import.meta.url);

// GraphiQL 4 still ships a prebuilt UMD bundle that needs only the React 18 UMD
// globals: the browser gets it straight from node_modules, no bundler and no CDN.
// (GraphiQL 5 dropped UMD and React 19 dropped UMD builds: upgrading either
// means bundling at build time.)
const sources: Record<string, { readonly pkg: string; readonly file: string }> = {
  'react.production.min.js': { pkg: 'react', file: 'umd/react.production.min.js' },
  'react-dom.production.min.js': { pkg: 'react-dom', file: 'umd/react-dom.production.min.js' },
  'graphiql.min.js': { pkg: 'graphiql', file: 'graphiql.min.js' },
  'graphiql.min.css': { pkg: 'graphiql', file: 'graphiql.min.css' },
};

function packageFile(pkg: string, file: string): string {
  // Resolving package.json sidesteps the packages' `exports` maps, which hide these files.
  return join(dirname(require.resolve(`${pkg}/package.json`)), file);
}

function contentTypeOf(name: string): string {
  return name.endsWith('.css') ? 'text/css; charset=utf-8' : 'text/javascript; charset=utf-8';
}

/** Reads GraphiQL's files once at startup (~2.5 MB), keyed by the name they are served under. */
export async function loadGraphiqlAssets(): Promise<ReadonlyMap<string, StaticAsset>> {
  const assets = new Map<string, StaticAsset>();
  for (const [name, { pkg, file }] of Object.entries(sources)) {
    assets.set(name, { body: await readFile(packageFile(pkg, file)), contentType: contentTypeOf(name) });
  }
  assets.set('boot.js', { body: Buffer.from(graphiqlBootScript), contentType: contentTypeOf('boot.js') });
  return assets;
}
