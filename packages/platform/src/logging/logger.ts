import { pino, type Logger } from 'pino';
import { currentRequestId } from '../context/request-context.js';

export type { Logger };

export function createLogger(service: string, level: string = process.env.LOG_LEVEL ?? 'info'): Logger {
  return pino({
    name: service,
    level,
    base: { service },
    // Every line written while serving a request or an event carries its request id.
    mixin: () => {
      const requestId = currentRequestId();
      return requestId ? { requestId } : {};
    },
    // Errors are serialised with their stack in logs only; clients never see them.
    serializers: { err: pino.stdSerializers.err },
  });
}
