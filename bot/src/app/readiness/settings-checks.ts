import { addMonths, daysBetween, longDate, type IsoDate } from '../../domain/calendar/dates';
import { hasTermDatesFor, lastTermDay, schoolYearOf } from '../../domain/calendar/school-calendar';
import { schoolYearsOf, toEntries } from '../../domain/calendar/term-date-entries';
import { finding, type ReadinessItem } from '../../domain/readiness/readiness';
import { isSocialMediaPolicy } from '../../domain/school/policy-document';
import type { Stores } from '../../ports/stores.port';
import { readPolicies } from '../settings/policy-register';
import { readTermDates } from '../settings/term-dates';
import { readRequirementRecords } from '../settings/training-requirements';

/**
 * The go-live checklist's items about what the school enters in School settings. Each reads the
 * store once and says what it found, and, when not green, the one thing to do.
 */
const SETTINGS = 'in School settings (the Online Safety Desk tab)';

/** The school's name (the cards say "your school" without it) and who staff should ask. */
export async function checkSchool(stores: Pick<Stores, 'school'>, _today: IsoDate): Promise<ReadinessItem> {
  const school = (await stores.school.find({ limit: 1 })).items[0];
  if (!school?.name.trim())
    return finding(
      'school',
      'red',
      'The school has no name yet: cards say "your school", and people the app does not know are told to ask "your online safety lead".',
      `Enter the school's name and who staff should ask ${SETTINGS}.`,
    );
  return finding('school', 'green', `${school.name}. People the app does not know are told to ask ${school.contactForAccess}.`);
}

/** This policy in the register, with every one of its reviews on a future date (s.2, s.12). */
export async function checkPolicyRegister(stores: Pick<Stores, 'policies'>, today: IsoDate): Promise<ReadinessItem> {
  const policy = (await readPolicies(stores)).find(isSocialMediaPolicy);
  if (!policy)
    return finding(
      'policy-register',
      'red',
      'There is no Social Media Policy in the policy register, so nobody is reminded to review it.',
      `Add the Social Media Policy with its reviews (the headteacher with the online safety lead, and the governing board) ${SETTINGS}.`,
    );
  if (policy.reviews.length === 0)
    return finding(
      'policy-register',
      'red',
      `The ${policy.title} has no reviews, so nobody is reminded to review it.`,
      `Add its reviews (the headteacher with the online safety lead every two years, the governing board every year) ${SETTINGS}.`,
    );
  const found = policy.reviews.map((review) => `${review.name}: next review ${longDate(review.nextReviewDue)}`).join('; ');
  if (policy.reviews.some((review) => review.nextReviewDue < today))
    return finding(
      'policy-register',
      'red',
      `The ${policy.title} is overdue for review. ${found}.`,
      `Hold the review and have the headteacher record it on the Training tab, or correct the next review date ${SETTINGS}.`,
    );
  if (policy.reviews.some((review) => daysBetween(today, review.nextReviewDue) <= 30))
    return finding(
      'policy-register',
      'amber',
      `A review of the ${policy.title} is due within 30 days. ${found}.`,
      'Plan the review now; the headteacher records it on the Training tab when it is done.',
    );
  return finding('policy-register', 'green', `${policy.title}. ${found}.`);
}

/** Term dates for today and the next twelve months: without them every weekday counts as a working day. */
export async function checkTermDates(stores: Pick<Stores, 'termDates'>, today: IsoDate): Promise<ReadinessItem> {
  const { calendar } = await readTermDates(stores);
  const last = lastTermDay(calendar);
  if (!last || !hasTermDatesFor(calendar, today)) {
    const found = last
      ? `The term dates end on ${longDate(last)}; there are none for ${schoolYearOf(today)}`
      : 'No term dates have been entered';
    return finding(
      'term-dates',
      'red',
      `${found}, so every weekday counts as a working day: nudges may come in the holidays.`,
      `Import this year's and next year's term dates from the local authority's CSV, or enter them, ${SETTINGS}.`,
    );
  }
  const years = schoolYearsOf(toEntries(calendar)).filter((year) => year >= schoolYearOf(today));
  if (last < addMonths(today, 12))
    return finding(
      'term-dates',
      'amber',
      `The term dates (${years.join(', ')}) end on ${longDate(last)}, within twelve months.`,
      `Add next year's term dates ${SETTINGS}.`,
    );
  return finding('term-dates', 'green', `Term dates for ${years.join(', ')}, to ${longDate(last)}.`);
}

/** At least one standing training requirement in force (s.11). */
export async function checkTrainingRequirements(stores: Pick<Stores, 'trainingRequirements'>, _today: IsoDate): Promise<ReadinessItem> {
  const inForce = (await readRequirementRecords(stores)).filter((record) => !record.retired);
  if (inForce.length === 0)
    return finding(
      'training-requirements',
      'red',
      'There are no training requirements, so nobody is reminded about online safety training (section 11).',
      `Add them (staff at induction and then yearly, pupils each term, parents yearly) ${SETTINGS}.`,
    );
  return finding('training-requirements', 'green', `${inForce.length} in force: ${inForce.map((record) => record.title).join('; ')}.`);
}
