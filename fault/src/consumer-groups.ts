import { Admin } from '@platformatic/kafka';

// A service's replicas are one Kafka consumer group (its name): the broker splits the group's partitions among the
// live members and, once a member stops heartbeating (the platform's session timeout, 10 s), gives its partitions to
// the others. Read from the broker's own group description, as `kafka-consumer-groups --describe` would.

/** A consumer group as the broker describes it. */
export interface GroupShare {
  state: string;
  /** Partitions assigned to each member (over every topic the group reads), largest first. */
  shares: number[];
  /** Partitions assigned over all members. */
  assigned: number;
}

export interface ConsumerGroups {
  describe(groupId: string): Promise<GroupShare>;
  /**
   * Asks every 250 ms until `holds` (or `withinMs` passed): how long it took (undefined past the bound) and the
   * last description.
   */
  until(groupId: string, holds: (group: GroupShare) => boolean, withinMs: number): Promise<{ tookMs?: number; group: GroupShare }>;
  close(): Promise<void>;
}

export function consumerGroups(brokers: string[]): ConsumerGroups {
  const admin = new Admin({ clientId: 'vitrine-fault-audit', bootstrapBrokers: brokers });
  const describe = async (groupId: string): Promise<GroupShare> => {
    const group = (await admin.describeGroups({ groups: [groupId] })).get(groupId);
    const shares = [...(group?.members.values() ?? [])]
      .map((member) => [...(member.assignments?.values() ?? [])].reduce((n, assignment) => n + assignment.partitions.length, 0))
      .sort((a, b) => b - a);
    return { state: String(group?.state ?? 'unknown'), shares, assigned: shares.reduce((n, share) => n + share, 0) };
  };
  return {
    describe,
    async until(groupId, holds, withinMs) {
      const started = performance.now();
      for (;;) {
        // The group's coordinator may be busy with the rebalance itself: a failed look is one more look.
        const group = await describe(groupId).catch((err: unknown) => ({ state: `not described: ${(err as Error).message}`, shares: [], assigned: 0 }));
        if (holds(group)) return { tookMs: Math.round(performance.now() - started), group };
        if (performance.now() - started > withinMs) return { group };
        await new Promise((resolve) => setTimeout(resolve, 250));
      }
    },
    close: () => admin.close(),
  };
}
