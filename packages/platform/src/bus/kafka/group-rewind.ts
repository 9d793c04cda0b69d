import { Admin } from '@platformatic/kafka';
import { isOnly } from '../kafka-bus.js';
import { RewindRefused, rewindTarget, type GroupPosition, type GroupRewinder, type RewindRequest } from '../group-rewind.js';

export interface KafkaGroupRewinderOptions {
  brokers: string[];
  clientId: string;
}

/** ListOffsets' special timestamp: the earliest offset the broker still keeps. */
const EARLIEST = -2n;

/**
 * Kafka: the group's committed offsets are rewritten through the admin API
 * (OffsetCommit with no member), which the broker accepts only while the
 * group has no member: a replica started meanwhile makes it fail, nothing
 * moved. A partition the group never committed on is left alone (it reads
 * from the earliest offset anyway).
 */
export function createKafkaGroupRewinder(options: KafkaGroupRewinderOptions): GroupRewinder {
  const admin = new Admin({ clientId: options.clientId, bootstrapBrokers: options.brokers });
  return {
    async rewind(request: RewindRequest): Promise<GroupPosition[]> {
      const { groupId } = request;
      // A group the broker does not know consumes nowhere (and has nothing to move).
      const groups = await admin.describeGroups({ groups: [groupId] }).catch((err: unknown) => {
        if (isOnly(err, 'GROUP_ID_NOT_FOUND')) return undefined;
        throw err;
      });
      const group = groups?.get(groupId);
      if (group && (group.members.size > 0 || !['Empty', 'Dead'].includes(group.state))) {
        throw new RewindRefused(
          `consumer group ${groupId} has ${group.members.size} live member(s) (state ${group.state}): stop the service, every instance of it, then replay`,
        );
      }
      const positions = await positionsOf(admin, request);
      const moves = positions.filter((p) => p.consumedUpTo !== null && p.rewoundTo !== p.consumedUpTo);
      const undo = await request.prepare(positions);
      if (moves.length === 0) return positions;
      try {
        await admin.alterConsumerGroupOffsets({
          groupId,
          topics: [...new Set(moves.map((p) => p.topic))].map((name) => ({
            name,
            partitionOffsets: moves.filter((p) => p.topic === name).map((p) => ({ partition: p.partition, offset: BigInt(p.rewoundTo!) })),
          })),
        });
      } catch (err) {
        await undo();
        throw new RewindRefused(
          `Kafka refused to move consumer group ${groupId} (${err instanceof Error ? err.message : String(err)}): is an instance of the service running? Nothing was replayed`,
        );
      }
      return positions;
    },
    async close() {
      await admin.close();
    },
  };
}

async function positionsOf(admin: Admin, request: RewindRequest): Promise<GroupPosition[]> {
  const metadata = await admin.metadata({ topics: request.topics, forceUpdate: true }).catch((err: unknown) => {
    throw new RewindRefused(`Kafka does not know every topic of ${request.topics.join(', ')} (${err instanceof Error ? err.message : String(err)})`);
  });
  const partitionsOf = new Map(
    request.topics.map((topic) => {
      const count = metadata.topics.get(topic)?.partitionsCount ?? 0;
      if (count === 0) throw new RewindRefused(`Kafka has no topic ${topic}`);
      return [topic, Array.from({ length: count }, (_, i) => i)];
    }),
  );
  const [committed] = await admin.listConsumerGroupOffsets({
    groups: [{ groupId: request.groupId, topics: request.topics.map((name) => ({ name, partitionIndexes: partitionsOf.get(name)! })) }],
  });
  const timestamp = request.since ? BigInt(request.since.getTime()) : EARLIEST;
  const listed = await admin.listOffsets({
    topics: request.topics.map((name) => ({ name, partitions: partitionsOf.get(name)!.map((partitionIndex) => ({ partitionIndex, timestamp })) })),
  });
  const committedAt = (topic: string, partition: number): bigint | null => {
    const offset = committed?.topics.find((t) => t.name === topic)?.partitions.find((p) => p.partitionIndex === partition)?.committedOffset;
    return offset === undefined || offset < 0n ? null : offset;
  };
  return request.topics.flatMap((topic) =>
    partitionsOf.get(topic)!.map((partition): GroupPosition => {
      const consumedUpTo = committedAt(topic, partition);
      // No message at or after `since`: ListOffsets answers -1, and there is nothing to go back to.
      const found = listed.find((t) => t.name === topic)?.partitions.find((p) => p.partitionIndex === partition)?.offset ?? -1n;
      const target = rewindTarget(consumedUpTo, found >= 0n ? found : (consumedUpTo ?? 0n));
      return { topic, partition, consumedUpTo: consumedUpTo?.toString() ?? null, rewoundTo: target?.toString() ?? null };
    }),
  );
}
