import type { WaitingRecordType } from '../../../bot/src/contracts/waiting';
import { PERMISSION_NAMES } from './permission-kinds';
import { shortDateTime } from '../ui/dates';

export type { Waiting, WaitingItem, WaitingRecordType } from '../../../bot/src/contracts/waiting';
export type { AccessRequestDetail } from '../../../bot/src/contracts/access-requests';

/** Each kind as the page names it: one, several. */
export const TYPE_NAMES: Record<WaitingRecordType, [one: string, many: string]> = {
  accessRequest: ['Blocked website request', 'blocked website requests'],
  postingRequest: ['Request to post', 'requests to post'],
  takedown: ['Post to take down', 'posts to take down'],
  trainingRecord: ['Training to confirm', 'training records to confirm'],
  reviewAction: ['Action from the filtering review', 'actions from the filtering review'],
  ...PERMISSION_NAMES,
};

/** "24 Nov 2026, 09:05": a moment as school staff read it. */
export function whenShown(iso: string): string {
  return shortDateTime(iso);
}
