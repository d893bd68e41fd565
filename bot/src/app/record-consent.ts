import { MEDIA, type ConsentEvent, type Media } from '../domain/consent/consent';
import { takedownsFor, type TrackedTakedown } from '../domain/consent/takedown';
import { may, whoMay } from '../domain/authorization/permissions';
import type { Person } from '../domain/people/person';
import type { AppDeps } from './app-deps';
import { readAll } from './read-all';
import { recordAudit } from './record-audit';

export interface ConsentNotice {
  pupilId: string;
  media: Media;
  decision: 'given' | 'refused';
  /** The day the form or written notice was received (s.4: it applies from then). */
  effectiveFrom: string;
  source: ConsentEvent['source'];
}

export type RecordConsentResult =
  | { status: 'not-permitted'; message: string }
  | { status: 'invalid'; message: string }
  | { status: 'recorded'; event: ConsentEvent; takedowns: (TrackedTakedown & { link: string })[] };

/**
 * The admin team records a consent form or a parent's written notice (s.4). Nothing earlier is
 * changed: the decision is one more event. A refusal that withdraws or amends consent lists every
 * earlier post showing the pupil in that medium as a takedown task for the account's owner.
 */
export async function recordConsent(deps: AppDeps, person: Person, notice: ConsentNotice): Promise<RecordConsentResult> {
  if (!may(person, 'consent.record')) {
    await recordAudit(deps, person, { action: 'consent.record.denied', recordType: 'pupil', recordId: notice.pupilId, summary: 'Consent change refused: the person does not hold the role' });
    return { status: 'not-permitted', message: `Only ${whoMay('consent.record')} can record consent.` };
  }
  const pupil = await deps.stores.pupils.get(notice.pupilId);
  if (!pupil) return { status: 'invalid', message: 'That pupil is not in the register.' };
  if (!MEDIA.includes(notice.media)) return { status: 'invalid', message: 'Consent is for images or videos.' };
  const today = deps.clock.now().toISOString().slice(0, 10);
  if (notice.effectiveFrom > today) return { status: 'invalid', message: 'The date received cannot be in the future.' };
  const event = await deps.stores.consents.insert({ ...notice, recordedBy: person.displayName, recordedAt: deps.clock.now().toISOString() });
  await recordAudit(deps, person, { action: `consent.${notice.decision}`, recordType: 'pupil', recordId: pupil.id, summary: `Consent for ${notice.media} recorded (${notice.source})` });

  const takedowns: (TrackedTakedown & { link: string })[] = [];
  if (notice.decision === 'refused') {
    const accounts = new Map((await deps.stores.socialAccounts.find({ limit: 200 })).items.map((account) => [account.id, account]));
    const posts = await readAll((cursor) => deps.stores.posts.find({ limit: 500, ...(cursor ? { cursor } : {}) }));
    const postsById = new Map(posts.map((post) => [post.id, post]));
    for (const task of takedownsFor(event, posts)) {
      const post = postsById.get(task.postId)!;
      const ownerId = accounts.get(post.accountId)?.ownerId ?? '';
      const stored = await deps.stores.takedowns.insert({ ...task, ownerId, status: 'to do', reason: '', updatedAt: deps.clock.now().toISOString() });
      takedowns.push({ ...stored, link: post.link });
    }
    await tellOwners(deps, takedowns);
  }
  return { status: 'recorded', event, takedowns };
}

/** Each owner gets each new task in Teams; the tasks are saved whatever happens here. */
async function tellOwners(deps: AppDeps, tasks: TrackedTakedown[]): Promise<void> {
  for (const task of tasks) {
    try {
      const owner = task.ownerId ? await deps.directory.byId(task.ownerId) : undefined;
      const { unreachable } = owner ? await deps.notifier.notify([owner], { recordType: 'takedown', recordId: task.id, reason: 'needs-your-action' }) : { unreachable: [] };
      if (!owner || unreachable.length) deps.log.warn(`The owner of takedown task ${task.id} could not be told in Teams; it waits in their list`);
    } catch (error) {
      deps.log.error(`The owner of takedown task ${task.id} could not be told`, error);
    }
  }
}

/** A pupil's consent history, oldest first: every form and written notice, nothing overwritten. */
export async function consentHistory(deps: AppDeps, person: Person, pupilId: string): Promise<{ status: 'not-permitted'; message: string } | { status: 'not-found' } | { status: 'ok'; displayName: string; events: ConsentEvent[] }> {
  if (!may(person, 'consent.viewClass')) return { status: 'not-permitted', message: `Only ${whoMay('consent.viewClass')} can see consent.` };
  const pupil = /^\d{1,12}$/.test(pupilId) ? await deps.stores.pupils.get(pupilId) : undefined;
  if (!pupil) return { status: 'not-found' };
  const events = (await deps.stores.consents.find({ where: { pupilId }, limit: 500 })).items.sort((a, b) => a.effectiveFrom.localeCompare(b.effectiveFrom) || a.recordedAt.localeCompare(b.recordedAt));
  return { status: 'ok', displayName: pupil.displayName, events };
}
