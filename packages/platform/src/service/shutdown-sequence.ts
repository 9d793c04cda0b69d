import type { Logger } from 'pino';

/**
 * Undo steps registered while starting, run in reverse (last started, first
 * stopped), once. A failing step is logged and the rest still run, so one
 * stuck part never keeps connections open.
 */
export class ShutdownSequence {
  private readonly steps: { name: string; run: () => Promise<void> }[] = [];
  private running: Promise<void> | undefined;

  constructor(private readonly logger: Logger) {}

  push(name: string, run: () => Promise<void>): void {
    this.steps.push({ name, run });
  }

  run(): Promise<void> {
    this.running ??= (async () => {
      for (const step of [...this.steps].reverse()) {
        try {
          await step.run();
        } catch (err) {
          this.logger.warn({ err, step: step.name }, 'shutdown step failed');
        }
      }
    })();
    return this.running;
  }
}
