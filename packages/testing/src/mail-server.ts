import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startMailpit, type RunningMailpit } from '@vitrine/local-infra';

/** A message as the test SMTP server received it. */
export interface ReceivedMail {
  id: string;
  /** The Message-ID header, without angle brackets. */
  messageId: string;
  from: string;
  to: string[];
  subject: string;
  text: string;
  html: string;
  headers: Record<string, string[]>;
}

/**
 * A real SMTP server (Mailpit) for one test file, and what it received. It
 * can be stopped and started again on the same ports with its messages kept,
 * to play "the mail server was down for a while".
 */
export interface TestMailServer {
  readonly host: string;
  readonly smtpPort: number;
  /** Every message received, oldest first, with bodies and headers. */
  messages(): Promise<ReceivedMail[]>;
  /** Messages to `address` (case-insensitive). */
  messagesTo(address: string): Promise<ReceivedMail[]>;
  /** Deletes every message. */
  clear(): Promise<void>;
  /** Stops accepting mail (the process ends; the data stays). */
  down(): Promise<void>;
  /** Starts again on the same ports, with the messages it had. */
  up(): Promise<void>;
  stop(): Promise<void>;
}

interface ListedMessage {
  ID: string;
}
interface FullMessage {
  ID: string;
  MessageID: string;
  From: { Address: string };
  To: { Address: string }[];
  Subject: string;
  Text: string;
  HTML: string;
}

export async function startTestMailServer(): Promise<TestMailServer> {
  // Ours, not the server's: it outlives a down() and up().
  const dataDir = await mkdtemp(join(tmpdir(), 'vitrine-test-mail-'));
  let server: RunningMailpit | undefined = await startMailpit({ dataDir });
  const { host, smtpPort, httpPort, apiUrl } = server;
  const api = async <T>(path: string, init?: RequestInit): Promise<T> => {
    const res = await fetch(`${apiUrl}${path}`, init);
    if (!res.ok) throw new Error(`mailpit ${init?.method ?? 'GET'} ${path}: ${res.status} ${await res.text()}`);
    return (res.headers.get('content-type') ?? '').includes('json') ? ((await res.json()) as T) : (undefined as T);
  };
  const messages = async (): Promise<ReceivedMail[]> => {
    const list = await api<{ messages: ListedMessage[] }>('/messages?limit=1000');
    const full = await Promise.all(
      list.messages.map(async (m) => {
        const [message, headers] = await Promise.all([api<FullMessage>(`/message/${m.ID}`), api<Record<string, string[]>>(`/message/${m.ID}/headers`)]);
        return {
          id: message.ID,
          messageId: message.MessageID,
          from: message.From.Address,
          to: message.To.map((t) => t.Address),
          subject: message.Subject,
          text: message.Text,
          html: message.HTML,
          headers,
        };
      }),
    );
    // The API lists newest first.
    return full.reverse();
  };
  return {
    host,
    smtpPort,
    messages,
    messagesTo: async (address) => (await messages()).filter((m) => m.to.some((t) => t.toLowerCase() === address.toLowerCase())),
    clear: () => api('/messages', { method: 'DELETE' }),
    async down() {
      await server?.stop();
      server = undefined;
    },
    async up() {
      server ??= await startMailpit({ smtpPort, httpPort, dataDir });
    },
    async stop() {
      await server?.stop();
      server = undefined;
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
