/**
 * Node flags every Vitrine server runs with, however it is started: `npm start` and the bench and
 * the fault tier (through startProcess), the Docker image (NODE_OPTIONS) and each package's own
 * `npm start` script (and new:subgraph's template); server-runtime.int.spec.ts checks that they all agree.
 *
 * V8 sizes its heap from the machine's memory (24 GiB here), not from what a server needs (~50 MiB
 * live): the old generation fills with garbage for a long while before a full collection (an idle
 * subgraph's polling grew one from 160 to 270 MiB in 30 s); 1 GiB of old generation (~20 times the
 * live heap after load) keeps that growth under 190 MiB at no measurable cost. Past 1 GiB a server
 * stops (out of memory) rather than take the machine's memory from its neighbours. The young
 * generation is left at V8's size: a 16 MiB semi-space saved ~25 MiB per server but cost the catalog
 * listing a fifth of its throughput in the bench (bench/README.md, Memory).
 */
export const serverNodeFlags: readonly string[] = ['--max-old-space-size=1024'];
