import type { IsoDate } from '../calendar/dates';

/**
 * The day a person first appeared to the app (in a role group), kept for people whose start date
 * the directory does not hold: induction training is due a grace period after it (s.11).
 */
export interface FirstSeen {
  id: string;
  personId: string;
  firstSeenOn: IsoDate;
}
