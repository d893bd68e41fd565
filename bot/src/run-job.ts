import { consoleLogger } from './adapters/console-logger';
import { isReminderJob, REMINDER_JOBS } from './app/reminders/reminder-jobs';
import { reviewRetention } from './app/review-retention';
import { ConfigError, loadConfig } from './config';
import { localDate } from './domain/calendar/zoned-time';
import { mediaStoreFor, newInstanceId, openRecords, PROJECT_ROOT } from './main';
import { JobLeases } from './app/jobs/job-leases';
import { schoolSchedules, slotNow } from './domain/jobs/schedule';
import { systemClock } from './ports/clock.port';
import { reminderJobDeps, ReminderJobRunner } from './reminders-wiring';

/**
 * `npm run job -- <name>`: runs one scheduled job now, as the scheduler would at the school
 * time. Messages already sent for the same period are not sent again. Jobs print counts and
 * record ids only — never names or safeguarding details.
 */
async function runJob(name: string): Promise<string[]> {
  const log = consoleLogger();
  const config = loadConfig(process.env, PROJECT_ROOT);
  const { stores, directory, graph } = await openRecords(config, log, systemClock);
  try {
    const lines: string[] = [];
    if (name === 'retention-review') {
      // Incidents, and the records of leavers' files sent on (which say a pupil had concerns), are not
      // listed here, not even by number: whoever runs the server may not see them. The DSL is sent
      // their count each month.
      const due = (await reviewRetention(stores, localDate(new Date()), config.consentMonthsAfterLeaving)).filter(
        (item) => item.record !== 'incident' && item.record !== 'transferRecord',
      );
      lines.push(
        `${due.length} record(s) other than safeguarding records due for review; nothing was deleted.`,
        ...due.map((item) => `  ${item.record} #${item.recordId}: review by the ${item.reviewedBy} (due ${item.due})`),
      );
    }
    const leases = new JobLeases(stores.jobRuns, systemClock, newInstanceId(), log);
    const runner = new ReminderJobRunner(
      reminderJobDeps(
        config,
        stores,
        mediaStoreFor(config, graph),
        directory,
        systemClock,
        log,
        () => `http://${config.host}:${config.port}`,
      ),
      leases,
      schoolSchedules(config.reminders.at),
      log,
    );
    const now = systemClock.now();
    // The same lease as the scheduler's: a slot the server has done, or is doing, is not run again from here.
    const started = await runner.start(name, slotNow(runner.scheduleOf(name), now), now);
    if (started.status === 'started') {
      const report = await started.finished;
      lines.push(
        `Messages: ${Object.entries(report)
          .map(([what, n]) => `${what} ${n}`)
          .join(', ')}.`,
      );
    } else if (started.status === 'done') {
      lines.push(
        `Job ${name} already ran for ${started.slot}${started.run?.lastDoneAt ? ` (finished ${started.run.lastDoneAt})` : ''}: nothing was run again.`,
      );
    } else {
      lines.push(
        `Job ${name} is running for ${started.slot}${started.run ? ` on ${started.run.holder} since ${started.run.startedAt}` : ''}: nothing was started here.`,
      );
    }
    return lines;
  } finally {
    await stores.close();
  }
}

async function run(): Promise<void> {
  const log = consoleLogger();
  const name = process.argv[2] ?? '';
  if (!isReminderJob(name)) {
    log.error(`Unknown job "${name}". Jobs: ${REMINDER_JOBS.join(', ')}.`);
    process.exitCode = 2;
    return;
  }
  try {
    for (const line of await runJob(name)) console.log(line);
  } catch (error) {
    log.error(error instanceof ConfigError ? error.message : `Job ${name} failed`, error instanceof ConfigError ? undefined : error);
    process.exitCode = 1;
  }
}

void run();
