import type { Directory } from '../../ports/directory.port';
import type { Stores } from '../../ports/stores.port';
import type { FanOutDeps } from './deliver-reminders';

/** What the reminder jobs need: the records (term dates and requirements included), the people, and the fan-out's sender and pace. */
export interface ReminderJobDeps {
  stores: Stores;
  directory: Directory;
  consentMonthsAfterLeaving: number;
  fanOut: Omit<FanOutDeps, 'stores' | 'directory'>;
}
