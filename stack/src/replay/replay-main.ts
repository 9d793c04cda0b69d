// `npm run replay -- --service <name> --topics <topic,...> --types <event type,...> [--since <ISO time>]`: moves the
// service's consumer group back on those topics so its next start applies those event types again (a projection
// added later fills from history; packages/platform/src/inbox/replay.ts). The service must be stopped.
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { subgraphs } from '@vitrine/gateway/subgraphs';
import { startPostgresServer, type RunningPostgres } from '@vitrine/local-infra';
import { ConfigError, describeReplay, parseReplayArgs, RewindRefused, runReplay, type ServiceDefinition } from '@vitrine/platform';
import { localPostgres } from '../local-postgres.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');

function tell(problems: readonly string[]): void {
  for (const problem of problems) console.error(`[replay] ${problem}`);
}

function fail(problems: readonly string[]): never {
  tell(problems);
  process.exit(1);
}

const parsed = parseReplayArgs(process.argv.slice(2));
if (!parsed.ok) fail(parsed.problems);
const { args } = parsed;
const subgraph = subgraphs.find((s) => s.name === args.service);
if (!subgraph) fail([`--service: ${args.service} is not a service (${subgraphs.map((s) => s.name).join(', ')})`]);
const { service } = (await import(subgraph.packageName)) as { service: ServiceDefinition };

// Without DATABASE_URL, the local stack's: its PostgreSQL runs with `npm start` only, which must be stopped anyway.
let environment: Record<string, string | undefined> = process.env;
let postgres: RunningPostgres | undefined;
if (!process.env.DATABASE_URL) {
  const local = localPostgres(root, process.env);
  console.log(`[replay] no DATABASE_URL: the local stack's ${args.service} (data in ${local.dataDir})`);
  postgres = await startPostgresServer({ dataDir: local.dataDir, port: local.port }).catch((err: unknown) =>
    fail([`the local stack's PostgreSQL did not start (${err instanceof Error ? err.message : String(err)}): stop \`npm start\` first, or set DATABASE_URL`]),
  );
  const brokers = process.env.KAFKA_BROKERS;
  environment = {
    ...process.env,
    DATABASE_URL: await postgres.createDatabase(local.database),
    ...(brokers ? { EVENT_TRANSPORT: 'kafka', KAFKA_BROKERS: brokers } : { EVENT_TRANSPORT: 'embedded' }),
  };
}

let code = 0;
try {
  const report = await runReplay(service, args, environment);
  for (const line of describeReplay(report.positions)) console.log(`[replay] ${line}`);
  console.log(`[replay] ${args.types.join(', ')} will be applied again when ${args.service} starts; its other events there are not`);
} catch (err) {
  code = 1;
  if (err instanceof RewindRefused) tell(err.message.split('\n'));
  else if (err instanceof ConfigError) tell(err.problems);
  else console.error('[replay] failed', err);
} finally {
  await postgres?.stop();
}
process.exit(code);
