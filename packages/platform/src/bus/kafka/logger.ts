/** The subset of pino's logger the bus uses, so tests and services can pass theirs. */
export interface KafkaBusLogger {
  info(o: object, msg?: string): void;
  warn(o: object, msg?: string): void;
  error(o: object, msg?: string): void;
}
