import { localDate } from '../../domain/calendar/zoned-time';
import { retryConcernNotices } from '../announce-concern';
import { deleteExpiredMedia } from '../media/delete-expired-media';
import { ensureTakedowns } from '../ensure-takedowns';
import { deliverReminders, type FanOutReport, type PlannedReminder } from './deliver-reminders';
import { planPolicyReviews } from './plan-policy-reviews';
import { planPolicyReads } from './plan-policy-reads';
import { planRetentionReview } from './plan-retention-review';
import { planTrainingDigest } from './plan-training-digest';
import { planTrainingReminders } from './plan-training-reminders';
import { planUnblockEnds } from './plan-unblock-ends';
import { planWaitingNudges } from './plan-waiting-nudges';
import { planTransferReminders } from './plan-transfer-reminders';
import { planReviewActions } from './plan-review-actions';
import { planIncidentTimescales } from './plan-incident-timescales';
import { recordEscalations } from './record-escalations';
import type { ReminderJobDeps } from './reminder-job-deps';
import type { IsoDate } from '../../domain/calendar/dates';
import type { Announce } from './announce';
import { OUTBOX_KEPT_DAYS } from '../../domain/reminders/reminder-rules';

/** What a run did, in counts only (never names). */
export type JobReport = Partial<
  Record<
    | keyof FanOutReport
    | 'concernsTried'
    | 'concernsTold'
    | 'takedownsMade'
    | 'escalated'
    | 'filesDeleted'
    | 'filesFailed'
    | 'strayFilesDeleted'
    | 'outboxArchived',
    number
  >
>;

type Job = (deps: ReminderJobDeps, now: Date) => Promise<JobReport>;

/** A job that plans the day's messages (Europe/London) and delivers them through the outbox. */
const planned =
  (job: string, plan: (deps: ReminderJobDeps, today: IsoDate) => Promise<PlannedReminder[]>): Job =>
  async (deps, now) => {
    const today = localDate(now);
    return deliverReminders(fanOutOf(deps), `${job} ${today}`, await plan(deps, today));
  };

const JOBS: Record<string, Job> = {
  'training-reminders': planned('training-reminders', planTrainingReminders),
  'training-digest': planned('training-digest', planTrainingDigest),
  'policy-reviews': planned('policy-reviews', planPolicyReviews),
  'policy-reads': planned('policy-reads', planPolicyReads),
  'waiting-nudges': planned('waiting-nudges', async (deps, today) => [
    ...(await planWaitingNudges(deps, today)),
    ...(await planTransferReminders(deps, today)),
    // The actions agreed at the annual filtering and monitoring review, due and overdue.
    ...(await planReviewActions(deps, today)),
  ]),
  // Unblocks whose period has ended: the ICT technician blocks the site again (DfE filtering standards).
  'unblock-ends': planned('unblock-ends', planUnblockEnds),
  'retention-review': planned('retention-review', planRetentionReview),
  // Makes any takedown task a withdrawal should have made and did not (a run that stopped part-way).
  takedowns: async (deps) => {
    const announce: Announce = (run, messages) => deliverReminders(fanOutOf(deps), run, messages);
    return { takedownsMade: (await ensureTakedowns({ ...deps, clock: deps.fanOut.clock, log: deps.fanOut.log, announce })).length };
  },
  'concern-notices': async (deps) => {
    const announce: Announce = (run, messages) => deliverReminders(fanOutOf(deps), run, messages);
    const { tried, told } = await retryConcernNotices({ ...deps, log: deps.fanOut.log, announce });
    return { concernsTried: tried, concernsTold: told };
  },
  // Concerns not opened in time, follow-ups due and overdue, the 72-hour clock of a breach.
  'incident-timescales': async (deps, now) => {
    const { planned, escalations } = await planIncidentTimescales(deps, now);
    const report = await deliverReminders(fanOutOf(deps), `incident-timescales ${localDate(now)}`, planned);
    const escalated = await recordEscalations(
      { stores: deps.stores, clock: deps.fanOut.clock },
      escalations,
      deps.incidents.escalateAfterWorkingHours,
    );
    return { ...report, escalated };
  },
  'media-cleanup': async (deps, now) =>
    deleteExpiredMedia({ stores: deps.stores, clock: deps.fanOut.clock, log: deps.fanOut.log }, deps.media, now),
  // Keeps the outbox to its last few months, so every read of it stays small.
  'outbox-archive': async (deps, now) => ({
    outboxArchived: await deps.stores.outbox.archiveBefore(new Date(now.getTime() - OUTBOX_KEPT_DAYS * 86_400_000).toISOString()),
  }),
};

export const REMINDER_JOBS = Object.keys(JOBS);

export function isReminderJob(name: string): boolean {
  return Object.prototype.hasOwnProperty.call(JOBS, name);
}

/** Runs one job for the school's day (Europe/London). */
export async function runReminderJob(deps: ReminderJobDeps, job: string, now: Date): Promise<JobReport> {
  const run = JOBS[job];
  if (!run) throw new Error(`Unknown job ${job}`);
  return run(deps, now);
}

function fanOutOf(deps: ReminderJobDeps) {
  return { ...deps.fanOut, stores: deps.stores, directory: deps.directory };
}
