/**
 * Moving a consumer group back on some of its topics, so its service is
 * handed their old events again (a projection added later fills from history:
 * inbox/replay.ts). Only while the group consumes nowhere: a live member would
 * keep reading from where it was, or commit over the rewind.
 */
export interface GroupPosition {
  topic: string;
  partition: number;
  /** The first offset the group had not consumed before the rewind; null when it never committed one there. */
  consumedUpTo: string | null;
  /**
   * Where the group reads next after the rewind (its old position when there was nothing to go back to); null
   * with `consumedUpTo`: a group that never consumed a partition reads it from its start anyway.
   */
  rewoundTo: string | null;
}

export interface RewindRequest {
  groupId: string;
  /** Full topic names, as on the bus (with the stack's prefix). */
  topics: string[];
  /** Back to the first message published at or after this instant; omitted, to the beginning of what the bus keeps. */
  since?: Date;
  /**
   * Called once the group is known to consume nowhere, with where it stands and where it will be put, before
   * anything moves. Resolves with how to undo what it did, run when moving the group then fails.
   */
  prepare(positions: readonly GroupPosition[]): Promise<() => Promise<void>>;
}

export interface GroupRewinder {
  /** Resolves with every partition of the topics: where the group was and where it now reads. */
  rewind(request: RewindRequest): Promise<GroupPosition[]>;
  close(): Promise<void>;
}

/** A rewind refused before anything moved: the operator's message says what to do. */
export class RewindRefused extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RewindRefused';
  }
}

/** Never forward: a group is only ever moved back (messages it has not consumed yet stay ahead of it). */
export function rewindTarget(consumedUpTo: bigint | null, wanted: bigint): bigint | null {
  if (consumedUpTo === null) return null;
  return wanted < consumedUpTo ? wanted : consumedUpTo;
}
