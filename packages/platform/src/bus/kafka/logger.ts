/** The subset of pino's logger the bus uses, so tests and services can pass theirs. */
export interface KafkaBusLogger {
  info(o: object, msg?: string): void;
  warn(o: object, msg?: string): void;
  error(o: object, msg?: string): void;
}

/** Without a logger, failures still reach stderr: a handler retrying forever must not be silent. */
export const consoleLogger: KafkaBusLogger = {
  info: () => {},
  warn: (o, msg) => console.warn(msg ?? '', o),
  error: (o, msg) => console.error(msg ?? '', o),
};
