import { isoDate } from './ui/dates';

/**
 * Today's date at the school (UK time), as a date field's default: never the UTC date, which is yesterday's between midnight and 1 am
 * in summer. Written out by ui/dates.ts rather than with Intl, as the server's calendar does: the first Intl formatter costs a page
 * 15-35 ms (Photo consent's export form asks for today as it first draws).
 */
export function schoolToday(): string {
  return isoDate(Date.now());
}
