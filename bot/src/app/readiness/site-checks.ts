import { localDate } from '../../domain/calendar/zoned-time';
import type { JobRun } from '../../domain/jobs/job-run';
import { recentSlots, type Schedule } from '../../domain/jobs/schedule';
import { finding, type ReadinessItem } from '../../domain/readiness/readiness';
import type { Clock } from '../../ports/clock.port';
import type { SchemaProblem, SiteInspector, SiteSchema } from '../../ports/site-inspection.port';
import type { JobRunCollection } from '../../ports/stores.port';

const RUN_PROVISIONING =
  'Run provisioning with the app granted full control of the sites for the run: restart the app in Azure (it provisions as it starts), or npm run provision:lists.';
const GUIDE = 'docs/sharepoint-sites-and-hosting.md';

/** Said every time: what an app with Sites.Selected cannot see, so nobody reads green as more than it is. */
export const NOT_CHECKED =
  'Not checked from here, because Microsoft Graph does not show it to an app with Sites.Selected: which people can open the site (owners, members, visitors, sharing links) and whether it is kept out of search. Check both in the SharePoint admin centre as the guide says.';

/** 'working-site': the school's working site opens, and every list, column and index is as lists.ts specifies. */
export async function workingSiteCheck(inspector: SiteInspector): Promise<ReadinessItem> {
  const schema = await inspector.schema('working');
  if (!schema.reachable) {
    return finding(
      'working-site',
      'red',
      `The working site could not be opened: ${schema.why}.`,
      `Check SHAREPOINT_SITE_ID and that the app was granted the site (${GUIDE}).`,
    );
  }
  const problems = schemaFinding('working-site', schema);
  if (problems) return problems;
  return finding('working-site', 'green', `All ${schema.listCount} lists on "${schema.siteName}" are as the app needs them.`);
}

/**
 * 'records-site': the safeguarding records have a site of their own, its lists are as lists.ts
 * specifies, and no other app (and not this one beyond write) was granted it — where Graph lets
 * the app see that. Red whenever the records site is the working site.
 */
export async function recordsSiteCheck(inspector: SiteInspector): Promise<ReadinessItem> {
  if (inspector.oneSite) {
    return finding(
      'records-site',
      'red',
      'The safeguarding records are on the working site (SHAREPOINT_RECORDS_SITE_ID is SHAREPOINT_SITE_ID): everyone who can open that site, the headteacher included, can read the incidents and the audit log there.',
      `Create a records site that only the DSL and the deputies can open, set SHAREPOINT_RECORDS_SITE_ID to it and run provisioning (${GUIDE}).`,
    );
  }
  const schema = await inspector.schema('records');
  if (!schema.reachable) {
    return finding(
      'records-site',
      'red',
      `The records site could not be opened: ${schema.why}.`,
      `Check SHAREPOINT_RECORDS_SITE_ID and that the app was granted the site (${GUIDE}).`,
    );
  }
  const problems = schemaFinding('records-site', schema);
  if (problems) return problems;
  const grants = await inspector.grants('records');
  const found = [`The ${schema.listCount} safeguarding lists on "${schema.siteName}" are as the app needs them.`];
  if (!grants.readable)
    return finding(
      'records-site',
      'green',
      [...found, `The apps granted the site were not checked: ${grants.why}.`, NOT_CHECKED].join(' '),
    );
  const others = grants.grants.filter((grant) => grant.appId !== inspector.appId);
  const own = grants.grants.find((grant) => grant.appId === inspector.appId);
  const moreThanWrite = own?.roles.filter((role) => role !== 'read' && role !== 'write') ?? [];
  const worries = [
    ...(others.length
      ? [
          `Other apps were granted the records site: ${others.map((grant) => `${grant.displayName} (${grant.roles.join(', ') || 'roles not shown'})`).join('; ')}.`,
        ]
      : []),
    ...(moreThanWrite.length
      ? [`This app still has ${moreThanWrite.join(', ')} on the records site; it needs write only once provisioning is done.`]
      : []),
  ];
  if (worries.length) {
    return finding(
      'records-site',
      'amber',
      [...found, ...worries, NOT_CHECKED].join(' '),
      'Remove the grants that are not needed (Revoke-PnPEntraIDAppSitePermission, or Set-PnPEntraIDAppSitePermission -Permissions Write for this app).',
    );
  }
  return finding('records-site', 'green', [...found, 'Only this app was granted the site, with write.', NOT_CHECKED].join(' '));
}

/** Red for anything the app cannot work without, amber for an index only SharePoint's own views need. */
function schemaFinding(id: 'working-site' | 'records-site', schema: Extract<SiteSchema, { reachable: true }>): ReadinessItem | undefined {
  const required = schema.problems.filter((problem) => problem.required);
  const optional = schema.problems.filter((problem) => !problem.required);
  if (required.length) {
    const moveOnly = required.every((problem) => problem.kind === 'safeguarding list on the working site');
    return finding(
      id,
      'red',
      `On "${schema.siteName}": ${describe(required)}.`,
      moveOnly ? `Move those lists' items to the records site and delete the lists from the working site (${GUIDE}).` : RUN_PROVISIONING,
    );
  }
  if (optional.length)
    return finding(
      id,
      'amber',
      `On "${schema.siteName}": ${describe(optional)}; the app works without it, SharePoint's own views of a big list may not.`,
      RUN_PROVISIONING,
    );
  return undefined;
}

/** At most five problems in words, then how many more. */
function describe(problems: SchemaProblem[]): string {
  const words = problems.map((problem) =>
    problem.column ? `${problem.kind}: ${problem.column} in "${problem.list}"` : `${problem.kind}: "${problem.list}"`,
  );
  return words.length > 5 ? `${words.slice(0, 5).join('; ')} and ${words.length - 5} more` : words.join('; ');
}

/** A job's state for the checklist: red, amber or fine, in words. */
type JobState = { level: 'green' | 'amber' | 'red'; words: string };

/**
 * 'jobs': the last run of each reminder job, from the leases every instance shares. Red when a
 * daily job has not run for more than a school day (or the quarter-hourly one for an hour), amber
 * when a job has never run yet or today's run has not finished; a last try that failed is named.
 */
export async function jobsCheck(runs: JobRunCollection, schedules: Schedule[], clock: Clock): Promise<ReadinessItem> {
  const now = clock.now();
  const records = new Map((await runs.find({ limit: 50 })).items.map((run) => [run.job, run]));
  const states = schedules.map((schedule) => ({ job: schedule.job, ...jobState(schedule, records.get(schedule.job), now) }));
  const level = states.some((state) => state.level === 'red') ? 'red' : states.some((state) => state.level === 'amber') ? 'amber' : 'green';
  if (level === 'green') {
    const daily = [...records.values()]
      .map((run) => run.lastDoneSlot ?? '')
      .filter((slot) => slot.length === 10)
      .sort();
    return finding(
      'jobs',
      'green',
      `All ${schedules.length} reminder jobs ran when due${daily.length ? ` (the daily ones last for ${daily[daily.length - 1]})` : ''}.`,
    );
  }
  const found = states
    .filter((state) => state.level !== 'green')
    .map((state) => `${state.job}: ${state.words}`)
    .join(' ');
  const stuck = states.filter((state) => state.level === 'red').map((state) => state.job);
  return finding(
    'jobs',
    level,
    found,
    stuck.length
      ? `Look in the app's log for why ${stuck.join(', ')} did not run, check SCHEDULER=on (or that a cloud timer calls the job trigger), then run it now: npm run job -- ${stuck[0]}.`
      : 'The jobs run at SCHEDULE_TIME on weekdays; to run one now: npm run job -- <name>.',
  );
}

function jobState(schedule: Schedule, run: JobRun | undefined, now: Date): JobState {
  const failed =
    run?.outcome === 'failed'
      ? ` Its last try, for ${run.slot}, failed at ${run.finishedAt}; it is tried again every quarter of an hour.`
      : '';
  if (!run?.lastDoneSlot) return { level: 'amber', words: `has never run yet.${failed}` };
  const frequent = 'everyMinutes' in schedule;
  const missed = recentSlots(schedule, now, frequent ? 8 : 30).filter((slot) => slot > run.lastDoneSlot!);
  if (frequent)
    return missed.length >= 4
      ? { level: 'red', words: `has not run since ${run.lastDoneAt} (it runs every ${schedule.everyMinutes} minutes).${failed}` }
      : { level: 'green', words: '' };
  if (missed.length === 0) return { level: 'green', words: '' };
  if (missed.every((slot) => slot === localDate(now)))
    return { level: 'amber', words: `today's run has not finished yet (last done for ${run.lastDoneSlot}).${failed}` };
  return { level: 'red', words: `has not run since ${run.lastDoneSlot}, missing ${missed.length} run(s).${failed}` };
}
