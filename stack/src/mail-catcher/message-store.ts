/** A message the catcher received, as the page and the JSON endpoint show it. */
export interface CaughtMessage {
  /** Ours: a counter, in the order messages arrived. */
  id: string;
  receivedAt: Date;
  /** The From header (display names included), or the envelope's sender without one. */
  from: string;
  /** Recipients from the To header, or the envelope's without one. */
  to: string[];
  subject: string;
  /** The Message-ID header, when there is one. */
  messageId?: string;
  /** The HTML body, when the message has one. */
  html?: string;
  text: string;
  attachments: { filename: string; contentType: string; size: number }[];
  /** What the SMTP client said in MAIL FROM and RCPT TO. */
  envelope: { mailFrom: string; rcptTo: string[] };
}

export type NewMessage = Omit<CaughtMessage, 'id'>;

/** The last `limit` messages in memory: adding one more forgets the oldest. */
export interface MessageStore {
  readonly limit: number;
  add(message: NewMessage): CaughtMessage;
  /** Newest first. */
  list(): CaughtMessage[];
  get(id: string): CaughtMessage | undefined;
  clear(): void;
}

export function createMessageStore(limit: number): MessageStore {
  if (!Number.isInteger(limit) || limit < 1) throw new Error(`the mail catcher keeps at least one message (limit ${limit})`);
  let kept: CaughtMessage[] = []; // oldest first
  let lastId = 0;
  return {
    limit,
    add(message) {
      lastId += 1;
      const caught = { ...message, id: String(lastId) };
      kept.push(caught);
      if (kept.length > limit) kept = kept.slice(kept.length - limit);
      return caught;
    },
    list: () => [...kept].reverse(),
    get: (id) => kept.find((message) => message.id === id),
    clear() {
      kept = [];
    },
  };
}
