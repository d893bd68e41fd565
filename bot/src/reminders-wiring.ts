import type { Logger } from './app/app-deps';
import type { Announce } from './app/reminders/announce';
import { DEFAULT_RETRY, deliverEntries, deliverReminders } from './app/reminders/deliver-reminders';
import { runReminderJob, type JobReport } from './app/reminders/reminder-jobs';
import type { JobLeases } from './app/jobs/job-leases';
import type { JobRun } from './domain/jobs/job-run';
import { leaseMinutes, type Schedule, type Slot } from './domain/jobs/schedule';
import { RateLimiter, realTimer, TEAMS_CONVERSATION_LIMITS } from './app/reminders/rate-limiter';
import type { ReminderJobDeps } from './app/reminders/reminder-job-deps';
import { createBotAdapter } from './adapters/teams/bot-adapter';
import { ProactiveSender } from './adapters/teams/proactive-sender';
import { TeamsReminderChannel } from './adapters/teams/teams-reminder-channel';
import { tabLink, tabLinks } from './adapters/teams/tab-link';
import { OutboxCards } from './adapters/teams/outbox-cards';
import type { Config } from './config';
import type { Clock } from './ports/clock.port';
import type { Directory } from './ports/directory.port';
import type { Stores } from './ports/stores.port';
import type { MediaStore } from './ports/media-store.port';
import type { Versioned } from './ports/collection.port';
import type { DeliveryOutcomes } from './ports/notifier.port';
import type { OutboxEntry } from './ports/outbox.port';

/**
 * The reminder jobs' dependencies, for the server (scheduler and HTTP trigger) and for
 * `npm run job`: one pace for the whole process, shared by every job it runs.
 */
export function reminderJobDeps(
  config: Config,
  stores: Stores,
  media: MediaStore,
  directory: Directory,
  clock: Clock,
  log: Logger,
  serverUrl: () => string,
  teamsAppIdForLinks: () => string | undefined = () => config.teamsAppId,
): ReminderJobDeps {
  const sender = new ProactiveSender(createBotAdapter(config, log), config.bot.appId, log);
  const appUrl = () => config.reminders.publicUrl ?? serverUrl();
  const cards = new OutboxCards({
    stores,
    directory,
    clock,
    log,
    tabLink: (view) => tabLink(teamsAppIdForLinks(), appUrl(), view),
    links: tabLinks(teamsAppIdForLinks, appUrl),
  });
  return {
    stores,
    directory,
    consentMonthsAfterLeaving: config.consentMonthsAfterLeaving,
    incidents: config.incidents,
    media: { store: media, keepDays: config.mediaKeepDays },
    fanOut: {
      channel: new TeamsReminderChannel(sender, cards),
      limiter: new RateLimiter([{ count: config.reminders.perSecond, ms: 1_000 }], TEAMS_CONVERSATION_LIMITS),
      timer: realTimer,
      clock,
      log,
      retry: DEFAULT_RETRY,
    },
  };
}

/** What became of a request to run a job's slot here. */
export type JobStart =
  | { status: 'started'; slot: Slot; finished: Promise<JobReport> }
  /** done: the slot already finished (here or elsewhere); held: it is running, here or on another instance. */
  | { status: 'done' | 'held'; slot: Slot; run?: JobRun };

/**
 * Runs reminder jobs once per slot across every instance (a lease in the store), one at a time per
 * job in this process, and logs counts only (never names).
 */
export class ReminderJobRunner {
  private readonly running = new Set<string>();

  constructor(
    private readonly deps: ReminderJobDeps,
    private readonly leases: JobLeases,
    private readonly schedules: Schedule[],
    private readonly log: Logger,
  ) {}

  /** Messages outside the jobs (a policy changed, a completion to confirm), through the same outbox and pace. */
  readonly announce: Announce = (run, planned) =>
    deliverReminders({ ...this.deps.fanOut, stores: this.deps.stores, directory: this.deps.directory }, run, planned);

  /** A step's notices, stored already: one at a time, in the order planned (those asked to act first), at the same pace. */
  readonly deliver = async (entries: readonly Versioned<OutboxEntry>[]): Promise<DeliveryOutcomes> =>
    (await deliverEntries({ ...this.deps.fanOut, stores: this.deps.stores, directory: this.deps.directory, concurrency: 1 }, entries))
      .outcomes;

  /** The job's schedule (every reminder job has one). */
  scheduleOf(job: string): Schedule {
    const schedule = this.schedules.find((candidate) => candidate.job === job);
    if (!schedule) throw new Error(`No schedule for job ${job}`);
    return schedule;
  }

  /** Starts the slot here if no instance has done it or is doing it; `finished` settles when the work ends. */
  async start(job: string, slot: Slot, now: Date): Promise<JobStart> {
    if (this.running.has(job)) return { status: 'held', slot };
    this.running.add(job);
    let claim;
    try {
      claim = await this.leases.claim(job, slot, leaseMinutes(this.scheduleOf(job)));
    } catch (error) {
      this.running.delete(job);
      throw error;
    }
    if (claim.status !== 'claimed') {
      this.running.delete(job);
      return { status: claim.status, slot, run: claim.run };
    }
    const { run } = claim;
    const finished = (async () => {
      try {
        const report = await runReminderJob(this.deps, job, now);
        // The frequent jobs run every quarter of an hour: a run that found nothing to do says nothing.
        if (Object.values(report).some((count) => count > 0) || !('everyMinutes' in this.scheduleOf(job)))
          this.log.info(
            `Job ${job} (${slot}): ${Object.entries(report)
              .map(([what, n]) => `${what} ${n}`)
              .join(', ')}`,
          );
        await this.leases.finish(run, 'done');
        return report;
      } catch (error) {
        await this.leases.finish(run, 'failed').catch(() => undefined);
        throw error;
      } finally {
        this.running.delete(job);
      }
    })();
    return { status: 'started', slot, finished };
  }
}
