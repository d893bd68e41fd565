import type { AppDeps } from '../../app/app-deps';
import type { BackgroundTasks } from '../../app/background-tasks';
import type { Announce } from '../../app/reminders/announce';

export interface TeamsDeps extends AppDeps {
  background: BackgroundTasks;
  /** A fresh random key for each form card (see submissionKey). */
  newKey(): string;
  /** Messages through the reminders' outbox (a completion for the online safety lead to confirm). */
  announce: Announce;
  /** Where a tab view opens (the Teams static tab, or the tab page on this server): for links in cards. */
  tabLink(view: string): string;
}
