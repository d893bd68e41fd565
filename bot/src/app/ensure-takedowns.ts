import { localDate } from '../domain/calendar/zoned-time';
import type { ConsentEvent } from '../domain/consent/consent';
import { breachIncidentKey, takedownsDue, type RegisteredPost, type TrackedTakedown } from '../domain/consent/takedown';
import type { SocialAccount } from '../domain/posting/social-account';
import { DuplicateRecordError, type Versioned } from '../ports/collection.port';
import type { AppDeps } from './app-deps';
import type { PlannedReminder } from './reminders/deliver-reminders';
import type { Announce } from './reminders/announce';
import { readAll } from './read-all';
import { recordAudit } from './record-audit';
import { openBreachIncident } from './open-breach-incident';

type TakedownDeps = Pick<AppDeps, 'stores' | 'directory' | 'clock' | 'log'> & { announce: Announce };

const SYSTEM = { id: 'system', displayName: 'Online Safety Desk' };

/**
 * Makes every takedown task the consent records call for and that does not exist yet (s.4), and
 * tells each owner through the outbox. Run after a withdrawal for that pupil alone (their consent,
 * the posts that show them, their tasks: never every post), and by the daily takedowns job for
 * everyone, so tasks a failed run did not make are made later, each exactly once: a task's key is
 * its post, pupil and medium, and the store refuses a second. A post that went up without consent
 * is urgent: the DSL is told, it is audited as a possible data-protection breach, and a breach
 * concern is opened in the incident log for the data protection lead and the headteacher (each once).
 */
export async function ensureTakedowns(deps: TakedownDeps, pupilId?: string): Promise<Versioned<TrackedTakedown>[]> {
  const [events, posts, existing, accounts] = await (pupilId === undefined ? everything(deps) : onePupil(deps, pupilId));
  const owners = new Map(accounts.map((account) => [account.id, account.ownerId]));
  const accountOf = new Map(posts.map((post) => [post.id, post.accountId]));
  const created: Versioned<TrackedTakedown>[] = [];
  for (const task of takedownsDue(events, posts, existing, localDate(deps.clock.now()))) {
    const ownerId = owners.get(accountOf.get(task.postId) ?? '') ?? '';
    try {
      created.push(
        await deps.stores.takedowns.insert({ ...task, ownerId, status: 'to do', reason: '', updatedAt: deps.clock.now().toISOString() }),
      );
    } catch (error) {
      // Another run made it meanwhile: exactly once.
      if (!(error instanceof DuplicateRecordError)) throw error;
    }
  }
  for (const task of created.filter((made) => made.urgent)) {
    await recordAudit(deps, SYSTEM, {
      action: 'takedown.possible-breach',
      recordType: 'takedown',
      recordId: task.id,
      summary: 'Possible data-protection breach: a post went up after consent stopped',
    });
  }
  if (created.length) await deps.announce('takedowns', await notices(deps, created));
  const theirs = pupilId === undefined ? existing : existing.filter((task) => task.pupilId === pupilId);
  for (const task of [...theirs, ...created].filter((one) => one.urgent)) await ensureBreachIncident(deps, task);
  return created;
}

type Records = Promise<[ConsentEvent[], RegisteredPost[], Versioned<TrackedTakedown>[], SocialAccount[]]>;

/** The daily sweep: every record, page by page. */
function everything(deps: TakedownDeps): Records {
  return Promise.all([
    readAll((cursor) => deps.stores.consents.find({ limit: 1000, ...(cursor ? { cursor } : {}) })),
    readAll((cursor) => deps.stores.posts.find({ limit: 1000, ...(cursor ? { cursor } : {}) })),
    readAll((cursor) => deps.stores.takedowns.find({ limit: 1000, ...(cursor ? { cursor } : {}) })),
    accountsOf(deps),
  ]);
}

/**
 * One pupil's: their consent history, the posts that show them, their tasks, and the tasks that
 * took a post down (a post taken down for another pupil is down).
 */
async function onePupil(deps: TakedownDeps, pupilId: string): Records {
  const [events, posts, theirs, removed, accounts] = await Promise.all([
    readAll((cursor) => deps.stores.consents.find({ where: { pupilId }, limit: 1000, ...(cursor ? { cursor } : {}) })),
    deps.stores.posts.showing(pupilId),
    readAll((cursor) => deps.stores.takedowns.find({ where: { pupilId }, limit: 1000, ...(cursor ? { cursor } : {}) })),
    readAll((cursor) => deps.stores.takedowns.find({ where: { status: 'removed' }, limit: 1000, ...(cursor ? { cursor } : {}) })),
    accountsOf(deps),
  ]);
  return [events, posts, [...theirs, ...removed.filter((task) => task.pupilId !== pupilId)], accounts];
}

function accountsOf(deps: TakedownDeps): Promise<SocialAccount[]> {
  return readAll((cursor) => deps.stores.socialAccounts.find({ limit: 200, ...(cursor ? { cursor } : {}) }));
}

/** The breach concern of an urgent task, unless it is already in the log (a run that stopped part-way makes it later). */
async function ensureBreachIncident(deps: TakedownDeps, task: Versioned<TrackedTakedown>): Promise<void> {
  const opened = (await deps.stores.incidents.find({ where: { submissionKey: breachIncidentKey(task.id) }, limit: 1 })).items[0];
  if (opened && (await deps.stores.incidentChronology.forIncident(opened.id)).length > 0) return;
  await openBreachIncident(deps, task);
}

async function notices(deps: Pick<AppDeps, 'directory'>, tasks: Versioned<TrackedTakedown>[]): Promise<PlannedReminder[]> {
  const dsls = await deps.directory.holdersOf('dsl');
  const planned: PlannedReminder[] = [];
  for (const task of tasks) {
    const owner = task.ownerId ? await deps.directory.byId(task.ownerId) : undefined;
    if (owner) planned.push({ person: owner, reason: `takedown:${task.id}`, period: 'new', message: ownerNotice(task) });
    if (task.urgent) {
      for (const person of dsls)
        planned.push({ person, reason: `takedown-breach:${task.id}`, period: 'new', message: BREACH_NOTICE(task.id) });
    }
  }
  return planned;
}

function ownerNotice(task: Versioned<TrackedTakedown>): PlannedReminder['message'] {
  return task.urgent
    ? {
        title: 'Urgent: a post shows a pupil without consent',
        lines: [
          'It went up on or after the day consent for it stopped. Take it down first, then record it (Social Media Policy section 4). The DSL has been told.',
        ],
        tone: 'attention',
        act: { label: 'Open the task', record: { recordType: 'takedown', recordId: task.id } },
      }
    : {
        title: 'A post needs taking down',
        lines: [
          'A parent has withdrawn consent for a pupil shown in it. Take it down, or record why it cannot be (Social Media Policy section 4).',
        ],
        tone: 'warning',
        act: { label: 'Open the task', record: { recordType: 'takedown', recordId: task.id } },
      };
}

const BREACH_NOTICE = (taskId: string): PlannedReminder['message'] => ({
  title: 'Possible data-protection breach',
  lines: [
    "A post on a school account shows a pupil after their consent stopped. Its owner has been asked to take it down. Follow the school's Data and Cyber-Security Breach Prevention and Management Plan (Social Media Policy section 4).",
  ],
  tone: 'attention',
  act: { label: 'Open the task', record: { recordType: 'takedown', recordId: taskId } },
});
