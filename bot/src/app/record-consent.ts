import { MEDIA, type ConsentEvent, type Media } from '../domain/consent/consent';
import type { TrackedTakedown } from '../domain/consent/takedown';
import { localDate } from '../domain/calendar/zoned-time';
import { may } from '../domain/authorization/permissions';
import type { Person } from '../domain/people/person';
import type { AppDeps } from './app-deps';
import { readAll } from './read-all';
import { recordAudit } from './record-audit';
import { ensureTakedowns } from './ensure-takedowns';
import type { Announce } from './reminders/announce';
import { refused, type Refused } from './outcome';

export interface ConsentNotice {
  pupilId: string;
  media: Media;
  decision: 'given' | 'refused';
  /** The day the form or written notice was received (s.4: it applies from then). */
  effectiveFrom: string;
  source: ConsentEvent['source'];
}

export type RecordConsentResult =
  | Refused
  | { status: 'invalid'; message: string }
  /** `takedownsPending`: the store failed part-way; the daily takedowns job makes the tasks still missing. */
  | { status: 'recorded'; event: ConsentEvent; takedowns: (TrackedTakedown & { link: string })[]; takedownsPending: boolean };

/**
 * The admin team records a consent form or a parent's written notice (s.4). Nothing earlier is
 * changed: the decision is one more event. A refusal that withdraws or amends consent makes a
 * takedown task for the account's owner for every post still up that shows the pupil in that
 * medium, whatever its date (see ensureTakedowns).
 */
export async function recordConsent(
  deps: AppDeps & { announce: Announce },
  person: Person,
  notice: ConsentNotice,
): Promise<RecordConsentResult> {
  if (!may(person, 'consent.record')) {
    await recordAudit(deps, person, {
      action: 'consent.record.denied',
      recordType: 'pupil',
      recordId: notice.pupilId,
      summary: 'Consent change refused: the person does not hold the role',
    });
    return refused('consent.record');
  }
  const pupil = await deps.stores.pupils.get(notice.pupilId);
  if (!pupil) return { status: 'invalid', message: 'That pupil is not in the register.' };
  if (!MEDIA.includes(notice.media)) return { status: 'invalid', message: 'Consent is for images or videos.' };
  const today = localDate(deps.clock.now());
  if (notice.effectiveFrom > today) return { status: 'invalid', message: 'The date received cannot be in the future.' };
  const event = await deps.stores.consents.insert({
    ...notice,
    recordedBy: person.displayName,
    recordedAt: deps.clock.now().toISOString(),
  });
  await recordAudit(deps, person, {
    action: `consent.${notice.decision}`,
    recordType: 'pupil',
    recordId: pupil.id,
    summary: `Consent for ${notice.media} recorded (${notice.source})`,
  });
  if (notice.decision !== 'refused') return { status: 'recorded', event, takedowns: [], takedownsPending: false };
  // The tasks this pupil's records now call for. The withdrawal is saved whatever happens here;
  // tasks not made now (and any for other pupils a stopped run left out) are made by the daily job.
  try {
    await ensureTakedowns(deps, pupil.id);
    return { status: 'recorded', event, takedowns: await openTakedowns(deps, pupil.id, notice.media), takedownsPending: false };
  } catch (error) {
    deps.log.error('Takedown tasks for a withdrawal could not all be made; the takedowns job makes the rest', error);
    return { status: 'recorded', event, takedowns: [], takedownsPending: true };
  }
}

/** The pupil's posts still to take down in that medium, urgent first, with their links. */
async function openTakedowns(deps: AppDeps, pupilId: string, media: Media): Promise<(TrackedTakedown & { link: string })[]> {
  const open = (
    await readAll((cursor) => deps.stores.takedowns.find({ where: { pupilId }, limit: 500, ...(cursor ? { cursor } : {}) }))
  ).filter((task) => task.status === 'to do' && task.media === media);
  const links = new Map((open.length > 0 ? await deps.stores.posts.showing(pupilId) : []).map((post) => [post.id, post.link]));
  const withLinks = open.map((task) => ({ ...task, link: links.get(task.postId) ?? '' }));
  return withLinks.sort((a, b) => Number(b.urgent ?? false) - Number(a.urgent ?? false));
}

/** A pupil's consent history, oldest first: every form and written notice, nothing overwritten. */
export async function consentHistory(
  deps: AppDeps,
  person: Person,
  pupilId: string,
): Promise<Refused | { status: 'not-found' } | { status: 'ok'; displayName: string; events: ConsentEvent[] }> {
  if (!may(person, 'consent.viewClass')) return refused('consent.viewClass');
  const pupil = /^\d{1,12}$/.test(pupilId) ? await deps.stores.pupils.get(pupilId) : undefined;
  if (!pupil) return { status: 'not-found' };
  const events = (await deps.stores.consents.find({ where: { pupilId }, limit: 500 })).items.sort(
    (a, b) => a.effectiveFrom.localeCompare(b.effectiveFrom) || a.recordedAt.localeCompare(b.recordedAt),
  );
  return { status: 'ok', displayName: pupil.displayName, events };
}
