import { pino, type Logger } from 'pino';

export type { Logger };

export function createLogger(service: string, level: string = process.env.LOG_LEVEL ?? 'info'): Logger {
  return pino({
    name: service,
    level,
    base: { service },
    // Errors are serialised with their stack in logs only; clients never see them.
    serializers: { err: pino.stdSerializers.err },
  });
}
