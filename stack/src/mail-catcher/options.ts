// The mail catcher's settings, apart from its servers: `npm start`'s runner reads them without loading smtp-server.

export interface MailCatcherOptions {
  /** A port, 0 for any free one, or `{ preferred }`: that one unless it is taken, then any free one. */
  smtpPort: number | { preferred: number };
  httpPort: number | { preferred: number };
  /** How many messages are kept (the oldest are forgotten). */
  limit: number;
}

/** What the catcher is started with: ports settled (`mailCatcherPort`), 0 for any free one. */
export interface MailCatcherPorts {
  smtpPort: number;
  httpPort: number;
  limit: number;
}

/** The settings `npm start` reads: `MAIL_CATCHER_SMTP_PORT` (1025), `MAIL_CATCHER_PORT` (8025), `MAIL_CATCHER_LIMIT` (200). */
export function mailCatcherOptions(env: Record<string, string | undefined>): MailCatcherOptions {
  const number = (name: string, min: number, max: number) => {
    const raw = env[name];
    if (raw === undefined || raw === '') return undefined;
    const value = Number(raw);
    if (!Number.isInteger(value) || value < min || value > max) throw new Error(`${name}: expected a whole number from ${min} to ${max}, got "${raw}"`);
    return value;
  };
  return {
    smtpPort: number('MAIL_CATCHER_SMTP_PORT', 0, 65_535) ?? { preferred: 1025 },
    httpPort: number('MAIL_CATCHER_PORT', 0, 65_535) ?? { preferred: 8025 },
    limit: number('MAIL_CATCHER_LIMIT', 1, 10_000) ?? 200,
  };
}
