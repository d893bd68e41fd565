import { localDate } from '../../domain/calendar/zoned-time';
import { deliverReminders, type FanOutReport, type PlannedReminder } from './deliver-reminders';
import { planPolicyReviews } from './plan-policy-reviews';
import { planRetentionReview } from './plan-retention-review';
import { planTrainingDigest } from './plan-training-digest';
import { planTrainingReminders } from './plan-training-reminders';
import { planWaitingNudges } from './plan-waiting-nudges';
import type { ReminderJobDeps } from './reminder-job-deps';
import type { IsoDate } from '../../domain/calendar/dates';

const PLANNERS: Record<string, (deps: ReminderJobDeps, today: IsoDate) => Promise<PlannedReminder[]>> = {
  'training-reminders': planTrainingReminders,
  'training-digest': planTrainingDigest,
  'policy-reviews': planPolicyReviews,
  'waiting-nudges': planWaitingNudges,
  'retention-review': planRetentionReview,
};

export const REMINDER_JOBS = Object.keys(PLANNERS);

export function isReminderJob(name: string): boolean {
  return Object.prototype.hasOwnProperty.call(PLANNERS, name);
}

/** Plans a job's messages for the school's day (Europe/London) and delivers them through the outbox. */
export async function runReminderJob(deps: ReminderJobDeps, job: string, now: Date): Promise<FanOutReport> {
  const plan = PLANNERS[job];
  if (!plan) throw new Error(`Unknown job ${job}`);
  const today = localDate(now);
  const planned = await plan(deps, today);
  return deliverReminders({ ...deps.fanOut, stores: deps.stores, directory: deps.directory }, `${job} ${today}`, planned);
}
