import { localDate } from '../domain/calendar/zoned-time';
import { takedownsDue, type TrackedTakedown } from '../domain/consent/takedown';
import { DuplicateRecordError, type Versioned } from '../ports/collection.port';
import type { AppDeps } from './app-deps';
import type { PlannedReminder } from './reminders/deliver-reminders';
import type { Announce } from './reminders/announce';
import { readAll } from './read-all';
import { recordAudit } from './record-audit';

type TakedownDeps = Pick<AppDeps, 'stores' | 'directory' | 'clock' | 'log'> & { announce: Announce };

const SYSTEM = { id: 'system', displayName: 'Online Safety Desk' };

/**
 * Makes every takedown task the consent records call for and that does not exist yet (s.4), and
 * tells each owner through the outbox. Run after every withdrawal and by the daily takedowns job,
 * so tasks a failed run did not make are made later, each exactly once: a task's key is its post,
 * pupil and medium, and the store refuses a second. A post that went up without consent is urgent:
 * the DSL is told, and it is audited as a possible data-protection breach.
 */
export async function ensureTakedowns(deps: TakedownDeps): Promise<Versioned<TrackedTakedown>[]> {
  const [events, posts, existing, accounts] = await Promise.all([
    readAll((cursor) => deps.stores.consents.find({ limit: 1000, ...(cursor ? { cursor } : {}) })),
    readAll((cursor) => deps.stores.posts.find({ limit: 1000, ...(cursor ? { cursor } : {}) })),
    readAll((cursor) => deps.stores.takedowns.find({ limit: 1000, ...(cursor ? { cursor } : {}) })),
    readAll((cursor) => deps.stores.socialAccounts.find({ limit: 200, ...(cursor ? { cursor } : {}) })),
  ]);
  const owners = new Map(accounts.map((account) => [account.id, account.ownerId]));
  const accountOf = new Map(posts.map((post) => [post.id, post.accountId]));
  const created: Versioned<TrackedTakedown>[] = [];
  for (const task of takedownsDue(events, posts, existing, localDate(deps.clock.now()))) {
    const ownerId = owners.get(accountOf.get(task.postId) ?? '') ?? '';
    try {
      created.push(await deps.stores.takedowns.insert({ ...task, ownerId, status: 'to do', reason: '', updatedAt: deps.clock.now().toISOString() }));
    } catch (error) {
      // Another run made it meanwhile: exactly once.
      if (!(error instanceof DuplicateRecordError)) throw error;
    }
  }
  for (const task of created.filter((made) => made.urgent)) {
    await recordAudit(deps, SYSTEM, { action: 'takedown.possible-breach', recordType: 'takedown', recordId: task.id, summary: 'Possible data-protection breach: a post went up after consent stopped' });
  }
  if (created.length) await deps.announce('takedowns', await notices(deps, created));
  return created;
}

async function notices(deps: Pick<AppDeps, 'directory'>, tasks: Versioned<TrackedTakedown>[]): Promise<PlannedReminder[]> {
  const dsls = await deps.directory.holdersOf('dsl');
  const planned: PlannedReminder[] = [];
  for (const task of tasks) {
    const owner = task.ownerId ? await deps.directory.byId(task.ownerId) : undefined;
    if (owner) planned.push({ person: owner, reason: `takedown:${task.id}`, period: 'new', message: ownerNotice(task) });
    if (task.urgent) {
      for (const person of dsls) planned.push({ person, reason: `takedown-breach:${task.id}`, period: 'new', message: BREACH_NOTICE(task.id) });
    }
  }
  return planned;
}

function ownerNotice(task: Versioned<TrackedTakedown>): PlannedReminder['message'] {
  return task.urgent
    ? { title: 'Urgent: a post shows a pupil without consent', lines: ['It went up on or after the day consent for it stopped. Take it down first, then record it (Social Media Policy section 4). The DSL has been told.'], tone: 'attention', act: { label: 'Open the task', takedownId: task.id } }
    : { title: 'A post needs taking down', lines: ['A parent has withdrawn consent for a pupil shown in it. Take it down, or record why it cannot be (Social Media Policy section 4).'], tone: 'warning', act: { label: 'Open the task', takedownId: task.id } };
}

const BREACH_NOTICE = (taskId: string): PlannedReminder['message'] => ({
  title: 'Possible data-protection breach',
  lines: ["A post on a school account shows a pupil after their consent stopped. Its owner has been asked to take it down. Follow the school's Data and Cyber-Security Breach Prevention and Management Plan (Social Media Policy section 4)."],
  tone: 'attention',
  act: { label: 'Open the task', takedownId: taskId },
});
