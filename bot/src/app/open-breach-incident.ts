import { breachIncidentKey, type TrackedTakedown } from '../domain/consent/takedown';
import { localDate } from '../domain/calendar/zoned-time';
import type { Incident } from '../domain/incidents/incident';
import { routeIncident } from '../domain/incidents/incident-routing';
import { ROLE_LABELS } from '../domain/people/role';
import type { Versioned } from '../ports/collection.port';
import type { AppDeps } from './app-deps';
import { announceConcern } from './announce-concern';
import type { Announce } from './reminders/announce';
import { reportedText } from './report-incident';
import { saveNewConcern } from './save-new-concern';

type BreachDeps = Pick<AppDeps, 'stores' | 'directory' | 'clock' | 'log'> & { announce: Announce };

const SYSTEM = { id: 'system', displayName: 'Online Safety Desk' };

/**
 * A post that went up without consent is a possible data-protection breach (s.4): a concern is
 * opened for it in the incident log, routed to the data protection lead and the headteacher, with
 * the pupil linked as affected and the 72-hour clock running, and they are told through the outbox.
 * Once per takedown task, however often this runs.
 */
export async function openBreachIncident(deps: BreachDeps, task: Versioned<TrackedTakedown>): Promise<void> {
  const [post, pupil] = await Promise.all([deps.stores.posts.get(task.postId), deps.stores.pupils.get(task.pupilId)]);
  const account = post ? await deps.stores.socialAccounts.get(post.accountId) : undefined;
  const routing = routeIncident('dataProtectionBreach', 'pupil');
  const assignee = (await deps.directory.holdersOf(routing.routedTo))[0];
  const now = deps.clock.now().toISOString();
  const where = account ? `${account.platform} ${account.handle}` : 'a school account';
  const draft: Omit<Incident, 'id'> = {
    whatHappened: `A post on ${where} shows a pupil in ${task.media} on or after the day their consent stopped. Its owner has been asked to take it down (takedown task ${task.id}).${post ? ` The post: ${post.link}` : ''}`,
    occurredOn: post?.postedOn ?? localDate(deps.clock.now()),
    where: 'schoolAccount',
    platform: account?.platform ?? '',
    involved: 'pupil',
    category: 'dataProtectionBreach',
    submissionKey: breachIncidentKey(task.id),
    reporterId: SYSTEM.id,
    reporterName: SYSTEM.displayName,
    reportedAt: now,
    routedTo: routing.routedTo,
    aboutHeadteacher: false,
    ...(assignee ? { assigneeId: assignee.id, assigneeName: assignee.displayName } : {}),
    status: 'new',
    nobodyToldYet: true,
    escalatedStage: 0,
    updatedAt: now,
  };
  const line = reportedText(routing, ROLE_LABELS[routing.routedTo].toLowerCase(), assignee?.displayName, []);
  const { incident } = await saveNewConcern(
    deps,
    draft,
    SYSTEM,
    `Opened by Online Safety Desk when consent was found to have stopped before the post. ${line}`,
    pupil ? [{ pupil, role: 'affected' }] : [],
  );
  await announceConcern(deps, incident.id);
}
