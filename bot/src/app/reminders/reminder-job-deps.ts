import type { TimescaleSettings } from '../../domain/incidents/incident-timescales';
import type { Directory } from '../../ports/directory.port';
import type { Stores } from '../../ports/stores.port';
import type { MediaServices } from '../media/media-services';
import type { FanOutDeps } from './deliver-reminders';

/** What the reminder jobs need: the records (term dates and requirements included), the people, and the fan-out's sender and pace. */
export interface ReminderJobDeps {
  stores: Stores;
  directory: Directory;
  consentMonthsAfterLeaving: number;
  /** When an unopened concern is escalated, counted in the working hours of the calendar's working days. */
  incidents: TimescaleSettings;
  /** The school's file store and how long a finished request's photos and videos are kept. */
  media: Pick<MediaServices, 'store' | 'keepDays'>;
  fanOut: Omit<FanOutDeps, 'stores' | 'directory'>;
}
