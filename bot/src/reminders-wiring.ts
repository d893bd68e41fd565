import type { Logger } from './app/app-deps';
import type { Announce } from './app/reminders/announce';
import { DEFAULT_RETRY, deliverReminders } from './app/reminders/deliver-reminders';
import { FREQUENT_JOBS, runReminderJob, type JobReport } from './app/reminders/reminder-jobs';
import { RateLimiter, realTimer, TEAMS_CONVERSATION_LIMITS } from './app/reminders/rate-limiter';
import type { ReminderJobDeps } from './app/reminders/reminder-job-deps';
import { createBotAdapter } from './adapters/teams/bot-adapter';
import { ProactiveSender } from './adapters/teams/proactive-sender';
import { TeamsReminderChannel } from './adapters/teams/teams-reminder-channel';
import { tabLink } from './adapters/teams/tab-link';
import type { Config } from './config';
import type { Clock } from './ports/clock.port';
import type { Directory } from './ports/directory.port';
import type { Stores } from './ports/stores.port';

/**
 * The reminder jobs' dependencies, for the server (scheduler and HTTP trigger) and for
 * `npm run job`: one pace for the whole process, shared by every job it runs.
 */
export function reminderJobDeps(config: Config, stores: Stores, directory: Directory, clock: Clock, log: Logger, serverUrl: () => string, teamsAppIdForLinks: () => string | undefined = () => config.teamsAppId): ReminderJobDeps {
  const sender = new ProactiveSender(createBotAdapter(config, log), config.bot.appId, log);
  return {
    stores,
    directory,
    consentMonthsAfterLeaving: config.consentMonthsAfterLeaving,
    incidents: config.incidents,
    fanOut: {
      channel: new TeamsReminderChannel(sender, (view) => tabLink(teamsAppIdForLinks(), config.reminders.publicUrl ?? serverUrl(), view)),
      limiter: new RateLimiter([{ count: config.reminders.perSecond, ms: 1_000 }], TEAMS_CONVERSATION_LIMITS),
      timer: realTimer,
      clock,
      log,
      retry: DEFAULT_RETRY,
    },
  };
}

/** Runs reminder jobs one at a time per job name, logging counts only (never names). */
export class ReminderJobRunner {
  private readonly running = new Set<string>();

  constructor(
    private readonly deps: ReminderJobDeps,
    private readonly log: Logger,
  ) {}

  /** Messages outside the jobs (a policy changed, a completion to confirm), through the same outbox and pace. */
  readonly announce: Announce = (run, planned) => deliverReminders({ ...this.deps.fanOut, stores: this.deps.stores, directory: this.deps.directory }, run, planned);

  isRunning(job: string): boolean {
    return this.running.has(job);
  }

  /** Undefined when the job is already running in this process. */
  async run(job: string, now: Date): Promise<JobReport | undefined> {
    if (this.running.has(job)) return undefined;
    this.running.add(job);
    try {
      const report = await runReminderJob(this.deps, job, now);
      // The frequent jobs run every quarter of an hour: a run that found nothing to do says nothing.
      if (Object.values(report).some((count) => count > 0) || !FREQUENT_JOBS.has(job)) this.log.info(`Job ${job}: ${Object.entries(report).map(([what, n]) => `${what} ${n}`).join(', ')}`);
      return report;
    } finally {
      this.running.delete(job);
    }
  }
}
