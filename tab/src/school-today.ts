import { isoDate } from './ui/dates';

/**
 * Today's date at the school (UK time), as a date field's default: never the UTC date, which is yesterday's between midnight and 1 am
 * in summer. Written out by ui/dates.ts rather than with Intl (which the server's calendar uses; tests/unit/tab/dates.test.ts compares
 * the two): a page's first Intl formatter costs it 20-55 ms on this machine, and Photo consent's export form asks for today as it
 * first draws (docs/benchmarks.md, "Less work on the main thread").
 */
export function schoolToday(): string {
  return isoDate(Date.now());
}
