import type { AppDeps } from '../../app/app-deps';
import type { Announce } from '../../app/reminders/announce';
import type { MediaServices } from '../../app/media/media-services';
import type { TabLinks } from './tab-link';

export interface TeamsDeps extends AppDeps {
  /** A fresh random key for each form card (see submissionKey). */
  newKey(): string;
  /** Messages through the reminders' outbox (a completion for the online safety lead to confirm). */
  announce: Announce;
  /** Where a tab view opens (the Teams static tab, or the tab page on this server): for links in cards. */
  tabLink(view: string): string;
  /** Where cards link to in the tab. */
  links: TabLinks;
  /** The school's own store for photos and videos sent in the chat. */
  media: MediaServices;
  /** Local mode: files may also be fetched from this machine (the tests' stand-in for SharePoint). */
  localMode: boolean;
}
