import { decidersAmong, decidingRole, decisionChain, isDecidingRole } from '../../domain/authorization/deciders';
import type { Person } from '../../domain/people/person';
import type { Role } from '../../domain/people/role';
import type { RecordRef, RequestType } from '../../domain/records/record-type';
import type { Party, RequestRecord } from '../../domain/workflow/workflow';
import { toldAfter } from '../../domain/workflow/workflow-rules';
import { WORKFLOWS } from '../../domain/workflow/workflows';
import type { Versioned } from '../../ports/collection.port';
import type { NoticeReason } from '../../ports/notifier.port';
import type { OutboxEntry, OutboxStatus, RecordNoticeMessage, UnreachableMessage } from '../../ports/outbox.port';
import type { AppDeps } from '../app-deps';
import { readAll } from '../read-all';
import { newEntry, recordPlanned, type PlannedReminder } from '../reminders/deliver-reminders';
import { roleHolders } from '../role-holders';

/** A step's notices, stored and not yet sent, and the roles nobody could be asked in. */
export interface StepNotices {
  entries: Versioned<OutboxEntry>[];
  missingRoles: Role[];
}

/** The outbox's name for the notices of one step: the record and the version the step made. */
export function stepRun(type: RequestType, request: Versioned<RequestRecord>): string {
  return `step ${type} ${request.id} v${request.version}`;
}

const STEP_RUN = /^step /;

/** Who hears of a step: those asked to act, those only told, and the roles nobody could be asked in. */
export interface StepAudience {
  asked: Person[];
  told: Person[];
  missingRoles: Role[];
}

/**
 * Who is asked to act and who is told after the request's latest step. The actor is never told of
 * their own step; nobody is asked to decide their own request (another holder of the role is, or
 * the role above). Read from the record as it is saved, or as it is about to be (a new request's
 * id is not needed: who is told depends on its state and who made it).
 */
export async function stepAudience(
  deps: AppDeps,
  type: RequestType,
  request: Omit<RequestRecord, 'id'>,
  actor: Person,
): Promise<StepAudience> {
  const telling = toldAfter(WORKFLOWS[type], request as RequestRecord);
  const missingRoles: Role[] = [];
  const resolve = async (wanted: readonly Party[], asked: boolean): Promise<Person[]> => {
    const people: Person[] = [];
    for (const party of wanted) {
      if (party === 'requester') {
        const requester = await deps.directory.byId(request.requesterId);
        if (requester) people.push(requester);
        continue;
      }
      const deciding = asked && isDecidingRole(party);
      const holders = await roleHolders(deps, deciding ? decisionChain(party) : [party]);
      const found = deciding ? decidersAmong(party, request.requesterId, holders) : [...holders(party)];
      if (found.length === 0) missingRoles.push(decidingRole(party, request.requesterId, holders) ?? party);
      people.push(...found);
    }
    return people;
  };
  const asked = others(await resolve(telling.act, true), actor);
  const told = others(await resolve(telling.informed, false), actor).filter((person) => !asked.some((one) => one.id === person.id));
  return { asked, told, missingRoles };
}

/**
 * The step's notices for the record as saved, stored under (record, version, reason, person) in
 * the run `stepRun`, as reminders are: a restart sends what was left, and the same step planned
 * again (a retried request) adds nothing. Pure, so they can be stored in the same write as the step.
 */
export function stepNotices(
  deps: Pick<AppDeps, 'clock'>,
  type: RequestType,
  request: Versioned<RequestRecord>,
  audience: StepAudience,
): Omit<OutboxEntry, 'id'>[] {
  return plannedNotices(type, request, audience).map((notice) => newEntry(deps, stepRun(type, request), notice));
}

/**
 * The step's notices stored in the outbox on their own, BEFORE anything is sent: for a step found
 * already taken (Teams sent it again), whose notices may or may not have been stored with it.
 */
export async function planStepNotices(
  deps: AppDeps,
  type: RequestType,
  request: Versioned<RequestRecord>,
  actor: Person,
): Promise<StepNotices> {
  const audience = await stepAudience(deps, type, request, actor);
  const entries = await recordPlanned(deps, stepRun(type, request), plannedNotices(type, request, audience));
  return { entries, missingRoles: audience.missingRoles };
}

function plannedNotices(
  type: RequestType,
  request: Versioned<RequestRecord>,
  audience: StepAudience,
): PlannedReminder<RecordNoticeMessage>[] {
  const record: RecordRef = { recordType: type, recordId: request.id };
  const notice =
    (reason: NoticeReason) =>
    (person: Person): PlannedReminder<RecordNoticeMessage> => ({
      person,
      reason: `${reason}:${type}:${request.id}`,
      period: `v${request.version}`,
      message: { kind: 'recordNotice', record, reason },
    });
  return [...audience.asked.map(notice('needs-your-action')), ...audience.told.map(notice('status-changed'))];
}

/** Anyone the person could not be told of: they have not installed the app, blocked it, or Teams kept refusing. */
const NOT_TOLD: ReadonlySet<OutboxStatus | 'alreadyDone' | undefined> = new Set(['notInstalled', 'blocked', 'failed']);

/**
 * After the answer: the cards already sent about the record are brought up to date (except the one
 * just clicked), then each notice goes, in order, at most once; the actor is told, through the
 * outbox too, who could not be reached and which roles nobody holds. The request stays saved and
 * waiting whatever happens here.
 */
export function sendStepNotices(
  deps: AppDeps,
  type: RequestType,
  request: Versioned<RequestRecord>,
  notices: StepNotices,
  actor: Person,
  clickedActivityId?: string,
): void {
  const record: RecordRef = { recordType: type, recordId: request.id };
  deps.background.run(`notices for ${type} ${request.id}`, async () => {
    await deps.notifier.refreshCards(record, clickedActivityId);
    const outcomes = await deps.notifier.deliver(notices.entries);
    const missed = notices.entries.filter((entry) => NOT_TOLD.has(outcomes.get(entry.id)));
    if (missed.length === 0 && notices.missingRoles.length === 0) return;
    const report: PlannedReminder<UnreachableMessage> = {
      person: actor,
      reason: `unreachable:${type}:${request.id}`,
      period: `v${request.version}`,
      message: {
        kind: 'unreachable',
        record,
        people: missed.map((entry) => ({ personId: entry.personId, name: entry.personName })),
        roles: notices.missingRoles,
      },
    };
    await deps.notifier.deliver(await recordPlanned(deps, stepRun(type, request), [report]));
  });
}

/**
 * Plans the step's notices, then sends them after the answer. The step is saved whatever happens
 * here: if the notices cannot be stored, that is logged, and the same step sent again (a second
 * click, a retried request) stores them.
 */
export async function announceStep(
  deps: AppDeps,
  type: RequestType,
  request: Versioned<RequestRecord>,
  actor: Person,
  clickedActivityId?: string,
): Promise<void> {
  let notices: StepNotices;
  try {
    notices = await planStepNotices(deps, type, request, actor);
  } catch (error) {
    deps.log.error(`The notices of a step on ${type} ${request.id} could not be stored`, error);
    return;
  }
  sendStepNotices(deps, type, request, notices, actor, clickedActivityId);
}

/**
 * At start: the notices of steps that were saved and planned but never sent (the app stopped in
 * between) go now. One whose sending had begun is left alone: it may have arrived.
 */
export async function sendNoticesLeftPending(deps: AppDeps): Promise<number> {
  const pending = (
    await readAll((cursor) => deps.stores.outbox.find({ where: { status: 'pending' }, limit: 200, ...(cursor ? { cursor } : {}) }))
  ).filter((entry) => STEP_RUN.test(entry.run));
  if (pending.length) await deps.notifier.deliver(pending);
  return pending.length;
}

function others(people: Person[], actor: Person): Person[] {
  const seen = new Set<string>([actor.id]);
  return people.filter((person) => !seen.has(person.id) && seen.add(person.id));
}
