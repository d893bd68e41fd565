import type { Waiting } from '../../../app/waiting/waiting-for';
import { WAITING_RECORD_TYPES, type WaitingItem, type WaitingRecordType } from '../../../app/waiting/waiting-item';
import type { PermissionType } from '../../../domain/permission/permission-request';
import { PERMISSION_FORMS } from '../requests/permission-specs';
import { adaptiveCard, executeAction, heading, richText, text, type AdaptiveCard, type CardElement } from './card-elements';
import { fitCard } from './fit-card';
import { formatDateTime, shorten } from './format';

export const VERB_OPEN_WAITING = 'openWaitingItem';

/** Each kind of record as the list names it: one, several. */
export const WAITING_TYPE_NAMES: Record<WaitingRecordType, [one: string, many: string]> = {
  accessRequest: ['blocked website request', 'blocked website requests'],
  postingRequest: ['request to post', 'requests to post'],
  ...(Object.fromEntries(Object.values(PERMISSION_FORMS).map((form) => [form.type, form.nouns])) as Record<
    PermissionType,
    [string, string]
  >),
  takedown: ['post to take down', 'posts to take down'],
  trainingRecord: ['training record to confirm', 'training records to confirm'],
  reviewAction: ['action from the filtering review', 'actions from the filtering review'],
};

/** Enough to work through in the chat; the tab lists them all. */
export const MAX_WAITING_LISTED = 15;

/**
 * "waiting for me": everything waiting for the person, newest first, with how many of each kind;
 * each item opens its own card with the buttons for them. A long list says how many more there are
 * and points to the tab.
 */
export function waitingCard(waiting: Waiting, tabUrl: string): AdaptiveCard {
  const total = waiting.items.length;
  if (total === 0) {
    return adaptiveCard([
      heading('Waiting for you'),
      text('Nothing is waiting for you. ✓', { color: 'good' }),
      text(
        "When a request needs your review or decision, a post needs taking down or someone's training needs confirming, it shows here and on the *Waiting for me* page in the tab.",
        { subtle: true },
      ),
    ]);
  }
  const counts = WAITING_RECORD_TYPES.filter((type) => waiting.counts[type] > 0).map((type) => countOf(waiting.counts[type], type));
  const shown = waiting.items.slice(0, MAX_WAITING_LISTED);
  const open = { type: 'Action.OpenUrl', title: 'Open Waiting for me in the tab', url: tabUrl };
  const card = adaptiveCard(
    [
      heading('Waiting for you'),
      text(
        `${total === 1 ? 'One thing waits' : `${total} things wait`} for you: ${counts.join(', ')}. Newest first; open one to act on it.`,
      ),
      ...shown.map(itemRow),
      ...(total > shown.length
        ? [text(`…and ${total - shown.length} more. The *Waiting for me* page in the tab lists them all.`, { subtle: true })]
        : []),
    ],
    { actions: [open] },
  );
  return fitCard(card, { label: open.title, url: tabUrl });
}

function countOf(count: number, type: WaitingRecordType): string {
  const [one, many] = WAITING_TYPE_NAMES[type];
  return `${count} ${count === 1 ? one : many}`;
}

function itemRow(item: WaitingItem): CardElement {
  return {
    type: 'Container',
    separator: true,
    items: [
      text(`**${item.reference}** · ${WAITING_TYPE_NAMES[item.recordType][0]} · since ${formatDateTime(item.since)}`, { spacing: 'None' }),
      richText([shorten(item.title, 120), ...(item.from ? [' — from ', { text: item.from, bold: true }] : [])], { spacing: 'None' }),
    ],
    selectAction: executeAction(`Open ${item.reference}`, VERB_OPEN_WAITING, { recordType: item.recordType, recordId: item.recordId }),
  };
}
