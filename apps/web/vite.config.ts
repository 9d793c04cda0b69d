import { reactRouter } from '@react-router/dev/vite';
import { defineConfig } from 'vite';

export default defineConfig({
  plugins: [reactRouter()],
  // The workspace root holds React 18 (the gateway's GraphiQL); this app is on React 19, installed beside it.
  // dedupe makes every import of react resolve to this app's copy, and bundling react-router into the server
  // build keeps it from loading the root's React through its own node_modules lookup.
  resolve: { dedupe: ['react', 'react-dom'] },
  ssr: { noExternal: ['react-router'] },
});
