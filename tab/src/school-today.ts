import { today } from '../../bot/src/domain/calendar/zoned-time';

/**
 * Today's date at the school (Europe/London), as a date field's default: never the UTC date, which is yesterday's between midnight and 1 am
 * in summer.
 */
export function schoolToday(): string {
  return today({ now: () => new Date() });
}
