/**
 * How long records are kept, as data: nothing is deleted automatically; when a record's time is
 * up it is listed for review by the people who own it.
 * Sources: IRMS Information Management Toolkit for Schools (child protection records: the pupil's
 * date of birth + 25 years, then review); the policy's s.4 (consent lasts while the pupil is at the
 * school); DfE filtering and monitoring standards (decisions documented and reviewed).
 */
export type RetainedRecord = 'incident' | 'consent' | 'accessRequest' | 'transferRecord';

export type KeepUntil =
  /**
   * Until the pupil reaches `years`. Without a date of birth (the app keeps none: data
   * minimisation), the record is kept until the latest such birthday of anyone who could have been
   * a pupil when it was made: `youngestAge` is the youngest a pupil can be (3, in a nursery class).
   */
  | { kind: 'pupilAge'; years: number; youngestAge: number }
  | { kind: 'offRollPlus'; months: number }
  | { kind: 'createdPlus'; years: number };

export interface RetentionRule {
  record: RetainedRecord;
  keep: KeepUntil;
  reviewedBy: 'dsl' | 'admin' | 'onlineSafetyLead';
  basis: string;
}

export function retentionRules(consentMonthsAfterLeaving: number): RetentionRule[] {
  return [
    {
      record: 'incident',
      keep: { kind: 'pupilAge', years: 25, youngestAge: 3 },
      reviewedBy: 'dsl',
      basis:
        "Child protection record: kept until the pupil's 25th birthday, then reviewed (IRMS schools toolkit). With no date of birth held, until 22 years after the incident: past the 25th birthday of any pupil, who is at least 3.",
    },
    {
      record: 'transferRecord',
      keep: { kind: 'pupilAge', years: 25, youngestAge: 3 },
      reviewedBy: 'dsl',
      basis:
        "Record that a leaver's safeguarding file was sent on (when, to which school and DSL, how): the receiving school keeps the file from then on; the sending school keeps this record as long as a child protection record, until the pupil's 25th birthday, then reviews it. Without a date of birth, until 22 years after the file was sent.",
    },
    {
      record: 'consent',
      keep: { kind: 'offRollPlus', months: consentMonthsAfterLeaving },
      reviewedBy: 'admin',
      basis: "Photo and video consent: kept while the pupil is on roll plus the school's set period (policy s.4).",
    },
    {
      record: 'accessRequest',
      keep: { kind: 'createdPlus', years: 6 },
      reviewedBy: 'onlineSafetyLead',
      basis: 'Filtering decision: kept six years from the request, then reviewed (DfE filtering and monitoring standards).',
    },
  ];
}

/** What is known about one record for its rule. */
export interface RetentionFacts {
  createdAt: string;
  pupilDateOfBirth?: string;
  offRollOn?: string;
}

/**
 * The day a record becomes due for review: never before the day the rule allows, so nothing is
 * dropped early; `not yet` while a fact it waits for (leaving the school) has not happened.
 */
export function reviewDue(rule: RetentionRule, facts: RetentionFacts): string | 'not yet' {
  switch (rule.keep.kind) {
    case 'pupilAge':
      return facts.pupilDateOfBirth
        ? addMonths(facts.pupilDateOfBirth, rule.keep.years * 12)
        : addMonths(facts.createdAt, (rule.keep.years - rule.keep.youngestAge) * 12);
    case 'offRollPlus':
      return facts.offRollOn ? addMonths(facts.offRollOn, rule.keep.months) : 'not yet';
    case 'createdPlus':
      return addMonths(facts.createdAt, rule.keep.years * 12);
  }
}

export function isDue(rule: RetentionRule, facts: RetentionFacts, today: string): boolean {
  const due = reviewDue(rule, facts);
  return due !== 'not yet' && due <= today;
}

/** Calendar arithmetic on YYYY-MM-DD: 29 February plus a year is 28 February. */
export function addMonths(date: string, months: number): string {
  const [year, month, day] = date.slice(0, 10).split('-').map(Number) as [number, number, number];
  const total = year * 12 + (month - 1) + months;
  const targetYear = Math.floor(total / 12);
  const targetMonth = (total % 12) + 1;
  const lastDay = new Date(Date.UTC(targetYear, targetMonth, 0)).getUTCDate();
  return `${targetYear}-${String(targetMonth).padStart(2, '0')}-${String(Math.min(day, lastDay)).padStart(2, '0')}`;
}
