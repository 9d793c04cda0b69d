import { z } from 'zod';
import { createGroupRewinder } from '../bus/create-bus.js';
import type { GroupPosition } from '../bus/group-rewind.js';
import { loadConfig } from '../config/load-config.js';
import { serviceEnv } from '../config/service-env.js';
import type { ServiceDefinition } from '../service/service-definition.js';
import { serviceHandlers } from '../service/service-database.js';
import { replayToConsumer, type ReplayReport } from './replay.js';

/** `npm run replay -- --service aftersales --topics logistics.shipment.v1 --types logistics.shipment.opened [--since <ISO time>]` */
export interface ReplayArgs {
  service: string;
  topics: string[];
  types: string[];
  since?: Date;
}

const list = (value: string) =>
  value
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);

/** The command line, or every problem with it at once. */
export function parseReplayArgs(argv: readonly string[]): { ok: true; args: ReplayArgs } | { ok: false; problems: string[] } {
  const values = new Map<string, string>();
  const problems: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const match = /^--(service|topics|types|since)(?:=(.*))?$/.exec(arg);
    if (!match) {
      problems.push(`${arg}: unknown (expected --service, --topics, --types, --since)`);
      continue;
    }
    let value = match[2];
    if (value === undefined && argv[i + 1] !== undefined && !argv[i + 1]!.startsWith('--')) value = argv[++i];
    if (value === undefined || value === '') problems.push(`--${match[1]}: needs a value`);
    else values.set(match[1]!, value);
  }
  const service = values.get('service');
  if (!service) problems.push('--service: missing (the service whose consumer group replays, e.g. aftersales)');
  const since = values.has('since') ? new Date(values.get('since')!) : undefined;
  if (since && Number.isNaN(since.getTime())) problems.push(`--since: not a date and time (ISO 8601, e.g. 2026-12-01T00:00:00Z)`);
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, args: { service: service!, topics: list(values.get('topics') ?? ''), types: list(values.get('types') ?? ''), since } };
}

/** Where the service's data and bus are: the variables the service itself reads (nothing else is needed). */
const replayEnv = z
  .object(serviceEnv)
  .pick({ DATABASE_URL: true, EVENT_TRANSPORT: true, KAFKA_BROKERS: true, EMBEDDED_BUS_URL: true, TOPIC_PREFIX: true }).shape;

/** Replays to the consumer group of `definition` as its running instances would consume (same settings, same group). */
export async function runReplay(
  definition: ServiceDefinition,
  args: ReplayArgs,
  environment: Record<string, string | undefined> = process.env,
): Promise<ReplayReport> {
  const env = loadConfig(replayEnv, environment);
  const { name, dbSchema } = definition.identity;
  const rewinder = await createGroupRewinder(env, `vitrine-replay-${name}`);
  try {
    return await replayToConsumer({
      rewinder,
      url: env.DATABASE_URL,
      schema: dbSchema,
      groupId: `${env.TOPIC_PREFIX}${name}`,
      handlers: serviceHandlers(definition),
      topicPrefix: env.TOPIC_PREFIX,
      topics: args.topics,
      types: args.types,
      since: args.since,
    });
  } finally {
    await rewinder.close();
  }
}

/** One line per partition, for the operator. */
export function describeReplay(positions: readonly GroupPosition[]): string[] {
  return positions.map((p) => {
    const where = `${p.topic} [${p.partition}]`;
    if (p.consumedUpTo === null) return `${where}: never consumed by the group; it reads it from the start anyway`;
    if (p.rewoundTo === p.consumedUpTo) return `${where}: nothing to go back to (stays at ${p.consumedUpTo})`;
    return `${where}: moved back from ${p.consumedUpTo} to ${p.rewoundTo}`;
  });
}
