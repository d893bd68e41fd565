import type { Logger } from './app-deps';

/**
 * Work that runs after the user has had their answer (Teams wants invokes answered within about
 * five seconds). Failures are logged; `idle()` lets shutdown and tests wait for what is under way.
 */
export class BackgroundTasks {
  private readonly running = new Set<Promise<void>>();

  constructor(private readonly log: Logger) {}

  run(description: string, work: () => Promise<void>): void {
    const task = Promise.resolve()
      .then(work)
      .catch((error: unknown) => this.log.error(`Background task failed: ${description}`, error))
      .finally(() => this.running.delete(task));
    this.running.add(task);
  }

  async idle(): Promise<void> {
    while (this.running.size > 0) await Promise.all([...this.running]);
  }
}
