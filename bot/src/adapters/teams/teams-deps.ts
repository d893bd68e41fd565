import type { AppDeps } from '../../app/app-deps';
import type { BackgroundTasks } from '../../app/background-tasks';
import type { School } from '../../domain/school/school';
import type { Announce } from '../../app/reminders/announce';
import type { SchoolCalendar } from '../../domain/calendar/school-calendar';

export interface TeamsDeps extends AppDeps {
  background: BackgroundTasks;
  school: School;
  /** A fresh random key for each form card (see submissionKey). */
  newKey(): string;
  /** Messages through the reminders' outbox (a completion for the online safety lead to confirm). */
  announce: Announce;
  /** Where a tab view opens (the Teams static tab, or the tab page on this server): for links in cards. */
  tabLink(view: string): string;
  /** The term dates, for when training is due. */
  calendar: SchoolCalendar;
}
