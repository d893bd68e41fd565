import type { Clock } from '../ports/clock.port';
import type { Directory } from '../ports/directory.port';
import type { Notifier } from '../ports/notifier.port';
import type { Stores } from '../ports/stores.port';
import type { BackgroundTasks } from './background-tasks';

/** What every use case is given by the composition root. */
export interface AppDeps {
  stores: Stores;
  directory: Directory;
  notifier: Notifier;
  clock: Clock;
  log: Logger;
  /** Work that goes on after the person has had their answer (sending notices, updating cards). */
  background: BackgroundTasks;
}

/** Messages only: never tokens, activity bodies or safeguarding details. */
export interface Logger {
  info(message: string): void;
  warn(message: string): void;
  error(message: string, error?: unknown): void;
}
