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
        this.logger.debug({ step: step.name }, 'stopping');
        const started = Date.now();
        try {
          await step.run();
          // A slow step is what makes an orchestrator's grace period run out: say which one it was.
          const ms = Date.now() - started;
          if (ms > 2000) this.logger.warn({ step: step.name, ms }, 'slow shutdown step');
        } catch (err) {
          this.logger.warn({ err, step: step.name }, 'shutdown step failed');
        }
      }
    })();
    return this.running;
  }
}
