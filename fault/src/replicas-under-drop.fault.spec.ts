import type pg from 'pg';
import type { SubgraphName } from '@vitrine/gateway';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { audit, type Figure } from './audit.js';
import { consumerGroups, type ConsumerGroups, type GroupShare } from './consumer-groups.js';
import { openDatabase } from './db.js';
import { routingFigure, settledReadiness, untilReplicaRouting } from './readiness-probe.js';
import { watchRelayLocks, type RelayLockSample } from './relay-lock.js';
import { clientClasses, printAnswers, printFigures } from './report.js';
import { openShop, stockProduct, type Shop } from './shop.js';
import { startFaultStack, type FaultStack, type Instance } from './stack.js';
import { runStream, type StreamOptions } from './stream.js';

// Drop day on two replicas each of orders and catalog (each a process of its own, same schema and consumer group,
// behind the gateway's comma list), on the Kafka transport. Mid-stream one replica of each is SIGKILLed and left dead
// until the stream ends: the other carries everything (its relay takes the lock over, the consumer group hands it
// the dead member's partitions, the gateway stops sending it the dead one's share). Then the audit: each order ended
// once, nothing sold twice or oversold, no event applied out of its aggregate's order or twice. Then a smaller
// drop, during which the killed replicas start again and rejoin (relays competing again, groups sharing again).

const replicated = ['orders', 'catalog'] as const satisfies readonly SubgraphName[];
/** The limited figure: fewer units than checkouts, so most are rejected once it is gone. */
const dropUnits = 100;
const stream: Omit<StreamOptions, 'scarce'> = {
  checkouts: 300,
  concurrency: 32,
  requestTimeoutMs: 30_000,
  retryForMs: 120_000,
  scarceShare: 1,
};
/** Customers signed in for the drop (each shops several times, as the tier's streams do). */
const customers = 32;
/** Into the stream when each service loses a replica (then as soon as it is seen holding its relay lock): one at a time, so each takeover is its own. */
const kills: { service: (typeof replicated)[number]; afterMs: number }[] = [
  { service: 'orders', afterMs: 4_000 },
  { service: 'catalog', afterMs: 8_000 },
];
const settleWithinMs = 60_000;
/** How long to wait, at a kill, for a replica to be seen holding the relay lock (a drop keeps the relays busy). */
const holderWithinMs = 5_000;
/** How soon the gateway must stop routing to a killed replica, and route to it again once it is back. */
const routingWithinMs = 5_000;
/** How soon a consumer group must be whole again: the platform's session timeout (10 s), then the rebalance. */
const rebalanceWithinMs = 30_000;
/**
 * The second drop, into which the killed replicas come back: its figure, its checkouts (more, up to the most, while
 * they are not yet back), and when they start again.
 */
const encore = { units: 50, checkouts: 200, restartAfterMs: 1_000, checkoutsAtMost: 2_000 };

let stack: FaultStack;
let db: pg.Pool;
let shop: Shop;
let groups: ConsumerGroups;

beforeAll(async () => {
  stack = await startFaultStack({ replicas: { orders: 2, catalog: 2 } });
  db = openDatabase(stack.databaseUrl);
  groups = consumerGroups(stack.kafkaBrokers);
  shop = await openShop(stack.gatewayUrl, db, customers);
}, 300_000);

afterAll(async () => {
  await groups?.close();
  await db?.end();
  await stack?.stop();
}, 120_000);

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

interface Kill {
  service: SubgraphName;
  victim: Instance;
  survivor: Instance;
  at: Date;
  /** Into the stream (s). */
  second: number;
}

/** Within this of its SIGKILL, a dead replica's relay lock is released: PostgreSQL ends its session when the socket closes. */
const lockReleasedWithinMs = 1_000;

/**
 * Per killed replica, who published its service's events: relay batches (one relay transaction each: the outbox rows'
 * xmin, its commit time) before and after the kill, and which replica was seen holding the relay lock. The victim
 * must have held it before (a takeover, not a relay that never was the dead one's) and let it go with its connection;
 * the survivor must have held it after, and published.
 */
async function takeover(kill: Kill, samples: RelayLockSample[], since: Date): Promise<{ figure: Figure; rows: Record<string, unknown>[] }> {
  const { batchesBefore, batchesAfter } = (
    await db.query<{ batchesBefore: number; batchesAfter: number }>(
      `with batch as (select distinct xmin::text as xid, pg_xact_commit_timestamp(xmin) as committed from "${kill.service}".outbox_message where sent_at >= $1)
       select count(*) filter (where committed < $2)::int as "batchesBefore", count(*) filter (where committed >= $2)::int as "batchesAfter" from batch`,
      [since, kill.at],
    )
  ).rows[0]!;
  const holds = (holder: Instance) => samples.filter((s) => s.service === kill.service && s.holder === holder);
  const before = (holder: Instance) => holds(holder).filter((s) => s.at < kill.at);
  const after = (holder: Instance) => holds(holder).filter((s) => s.at >= kill.at);
  const msAfterKill = (s: RelayLockSample | undefined) => (s ? s.at.getTime() - kill.at.getTime() : undefined);
  const victimLast = msAfterKill(after(kill.victim).at(-1)) ?? 0;
  const survivorFirst = msAfterKill(after(kill.survivor)[0]);
  const unknown = samples.filter((s) => s.service === kill.service && s.holder === 'unknown').length;
  return {
    figure: {
      check: `${kill.service}: the relay taken over (victim held the lock before its kill and let it go with its connection, survivor held it after and published)`,
      value:
        `batches ${batchesBefore} before the kill, ${batchesAfter} after; lock seen held by ${kill.victim} ${before(kill.victim).length} / ${after(kill.victim).length}, ` +
        `by ${kill.survivor} ${before(kill.survivor).length} / ${after(kill.survivor).length} (before / after the SIGKILL); ` +
        `last held by ${kill.victim} ${victimLast} ms after, first by ${kill.survivor} ${survivorFirst ?? '-'} ms after${unknown ? `; by an unknown backend ${unknown}` : ''}`,
      ok: before(kill.victim).length > 0 && victimLast <= lockReleasedWithinMs && survivorFirst !== undefined && batchesAfter > 0,
    },
    rows: [
      { replica: kill.victim, fate: `SIGKILLed ${kill.second.toFixed(1)} s in`, before: before(kill.victim).length, after: after(kill.victim).length },
      { replica: kill.survivor, fate: 'survived', before: before(kill.survivor).length, after: after(kill.survivor).length },
    ].map((row) => ({ service: kill.service, ...row, 'relay batches before / after': `${batchesBefore} / ${batchesAfter}` })),
  };
}

/** Events a service's consumers applied after its replica's kill (its whole consumer group is then the survivor). */
async function appliedAfter(kill: Kill): Promise<number> {
  const { rows } = await db.query<{ n: number }>(`select count(*)::int as n from "${kill.service}".inbox_processed_event where processed_at >= $1`, [kill.at]);
  return rows[0]!.n;
}

/** `2 members: 8 + 7 partitions (Stable)`. */
const shareOf = (group: GroupShare) =>
  `${group.shares.length} member${group.shares.length === 1 ? '' : 's'}: ${group.shares.join(' + ') || 'no'} partitions (${group.state})`;
/** Every member of the group reading some partitions, all of them assigned. */
const sharedBy = (members: number, partitions: number) => (group: GroupShare) =>
  group.state === 'Stable' && group.shares.length === members && group.shares.every((share) => share > 0) && group.assigned === partitions;

/** The group before the kill (both replicas reading), then the survivor alone reading every partition. */
async function rebalance(kill: Kill, before: GroupShare): Promise<Figure> {
  const { tookMs, group } = await groups.until(kill.service, sharedBy(1, before.assigned), rebalanceWithinMs);
  return {
    check: `${kill.service}: its consumer group gave every partition to ${kill.survivor} once ${kill.victim} was killed`,
    value: `before the kill ${shareOf(before)}; ${tookMs === undefined ? `not within ${rebalanceWithinMs / 1000} s` : `${(tookMs / 1000).toFixed(1)} s after`}: ${shareOf(group)}`,
    ok: sharedBy(2, before.assigned)(before) && tookMs !== undefined,
  };
}

describe('replicas under a drop', () => {
  it(`two replicas each of orders and catalog, one of each SIGKILLed under drop-day load (${dropUnits} units, ${stream.checkouts} checkouts): the survivors carry it, and share it again once back`, async () => {
    const drop = await stockProduct(shop, db, 'DROP', 5_000, dropUnits);
    const locks = watchRelayLocks(stack.databaseUrl, stack, replicated);
    const startedAt = new Date();
    const started = performance.now();
    const running = runStream(shop, { ...stream, scarce: drop });
    const seen: Figure[] = [];
    const killed: Kill[] = [];
    const rebalances: Promise<Figure>[] = [];
    for (const { service, afterMs } of kills) {
      await sleep(Math.max(0, afterMs - (performance.now() - started)));
      // The replica seen holding its service's relay lock (at most one sampling round before): the relay another must
      // take over is the dead one's, perhaps in the middle of its batch.
      const victim = (await locks.nextHolder(service, holderWithinMs)) ?? locks.lastHolder(service) ?? stack.replicasOf(service)[1]!;
      const survivor = stack.replicasOf(service).find((r) => r !== victim)!;
      const before = await groups.describe(service);
      const kill: Kill = { service, victim, survivor, at: new Date(), second: (performance.now() - started) / 1000 };
      await stack.kill(victim);
      killed.push(kill);
      // Watched while the stream goes on (the next kill does not wait for it).
      rebalances.push(rebalance(kill, before));
      seen.push(
        routingFigure(
          `${victim} killed: out of the gateway's routing`,
          await untilReplicaRouting(stack, service, victim, false, routingWithinMs),
          routingWithinMs,
        ),
        routingFigure(`${victim} killed: ${survivor}, the other replica, still routed`, await untilReplicaRouting(stack, service, survivor, true, 0), 0),
      );
    }
    const result = await running;
    // Settled by the survivors alone: the killed replicas stay dead until the audit is done.
    const checked = await audit(db, shop, result, settleWithinMs);
    const samples = await locks.stop();
    const takeovers = await Promise.all(killed.map((kill) => takeover(kill, samples, startedAt)));
    const afterKill = await Promise.all(killed.map(async (kill) => ({ kill, applied: await appliedAfter(kill) })));
    // More shoppers than units, each paying: every unit sold, to one paid order each, and not one more.
    const paid = result.purchases.filter((p) => p.ending === 'paid').length;
    checked.figures.push(
      { check: `drop: paid orders == units (${dropUnits}), the rest rejected`, value: `${paid} paid`, ok: paid === dropUnits },
      ...seen,
      ...(await Promise.all(rebalances)),
      ...takeovers.map((t) => t.figure),
      ...afterKill.map(({ kill, applied }) => ({
        check: `${kill.service}: events its consumer group (${kill.survivor} alone) applied after ${kill.victim} was killed`,
        value: String(applied),
        ok: applied > 0,
      })),
    );
    // Then back under load: a second drop, into which each killed replica starts again; routed again, and its
    // consumer group shared by both replicas again, while shoppers buy.
    const second = await stockProduct(shop, db, 'ENCORE', 5_000, encore.units);
    const encoreStarted = performance.now();
    // The killed replicas start again a moment into it; shoppers go on past the second drop's checkouts until they are
    // back (the drop alone can end first on a fast run), so the rejoin is always under load; the check below holds it to that.
    const backing = sleep(encore.restartAfterMs).then(() =>
      Promise.all(
        killed.map(async (kill): Promise<Figure[]> => {
          const partitions = (await groups.describe(kill.service)).assigned;
          const restarting = performance.now();
          await stack.start(kill.victim);
          const readyIn = `ready in ${((performance.now() - restarting) / 1000).toFixed(1)} s`;
          const routedIn = await untilReplicaRouting(stack, kill.service, kill.victim, true, routingWithinMs);
          const { tookMs, group } = await groups.until(kill.service, sharedBy(2, partitions), rebalanceWithinMs);
          return [
            routingFigure(`${kill.victim} started again (${readyIn}): routed again`, routedIn, routingWithinMs),
            {
              check: `${kill.victim} started again: its consumer group shared by both replicas again`,
              value: tookMs === undefined ? `not within ${rebalanceWithinMs / 1000} s: ${shareOf(group)}` : shareOf(group),
              ok: tookMs !== undefined,
            },
          ];
        }),
      ),
    );
    const encoreRunning = runStream(shop, {
      ...stream,
      checkouts: encore.checkouts,
      scarce: second,
      shopUntil: { settled: backing, atMost: encore.checkoutsAtMost },
    });
    const back = await backing;
    const backBy = (performance.now() - encoreStarted) / 1000;
    const encoreResult = await encoreRunning;
    const rejoined = await audit(db, shop, encoreResult, settleWithinMs);
    const encorePaid = encoreResult.purchases.filter((p) => p.ending === 'paid').length;
    rejoined.figures.push(
      { check: `second drop: paid orders == units (${encore.units}), the rest rejected`, value: `${encorePaid} paid`, ok: encorePaid === encore.units },
      {
        check: 'the killed replicas were back (ready, routed, in their groups) while the second drop ran',
        value: `back ${backBy.toFixed(1)} s in, the stream ran ${encoreResult.seconds.toFixed(1)} s (${encoreResult.purchases.length} checkouts, at most ${encore.checkoutsAtMost})`,
        ok: backBy < encoreResult.seconds,
      },
      ...back.flat(),
      ...(await settledReadiness(stack, routingWithinMs)),
    );

    const classes = clientClasses(result);
    const encoreClasses = clientClasses(encoreResult);
    console.log(
      `\n[fault] replicas: ${killed.map((k) => `${k.victim} SIGKILLed ${k.second.toFixed(1)} s in (${k.survivor} left)`).join('; ')}; ` +
        `a drop of ${dropUnits} units, ${result.purchases.length} checkouts (concurrency ${stream.concurrency}, ${customers} customers); ` +
        `stream ${result.seconds.toFixed(1)} s, slowest answer ${(result.slowestMs / 1000).toFixed(1)} s (client timeout ${stream.requestTimeoutMs / 1000} s); ` +
        `relay lock sampled ${samples.length} times held`,
    );
    printAnswers(result);
    console.log('[fault] relays, by replica (relay lock seen held before / after the SIGKILL, sampled every 25 ms):');
    console.table(takeovers.flatMap((t) => t.rows));
    printFigures(checked.figures);
    console.log(
      `\n[fault] replicas, second drop: ${killed.map((k) => k.victim).join(' and ')} started again ${encore.restartAfterMs / 1000} s into it; ` +
        `${encore.units} units, ${encoreResult.purchases.length} checkouts; stream ${encoreResult.seconds.toFixed(1)} s, slowest answer ${(encoreResult.slowestMs / 1000).toFixed(1)} s`,
    );
    printAnswers(encoreResult);
    printFigures(rejoined.figures);
    expect(stack.deadServers(), 'servers that exited by themselves').toEqual([]);
    expect(classes.refused, 'answers that were neither a success nor a coded error').toEqual({});
    expect(encoreClasses.refused, 'second drop: answers that were neither a success nor a coded error').toEqual({});
    expect(checked.figures.filter((f) => !f.ok)).toEqual([]);
    expect(rejoined.figures.filter((f) => !f.ok)).toEqual([]);
  }, 420_000);
});
