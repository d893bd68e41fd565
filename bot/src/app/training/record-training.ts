import { decidersAmong, decisionChain, mayDecide, needsHolders } from '../../domain/authorization/deciders';
import { may } from '../../domain/authorization/permissions';
import { isIsoDate, longDate } from '../../domain/calendar/dates';
import type { Person } from '../../domain/people/person';
import { PARENTS_SUBJECT, type TrainingRecord } from '../../domain/training/training-record';
import { readText, trainingText } from '../../domain/training/training-input';
import { appliesTo, type TrainingRequirement } from '../../domain/training/training-requirement';
import { StaleRecordError } from '../../ports/collection.port';
import type { ReminderMessage } from '../../ports/outbox.port';
import type { AppDeps } from '../app-deps';
import type { Announce } from '../reminders/announce';
import { recordAudit } from '../record-audit';
import { readAll } from '../read-all';
import { holdersFor, roleHolders } from '../role-holders';
import { recordableRequirements } from './training-setup';
import { localDate } from '../../domain/calendar/zoned-time';
import { currentClasses } from '../../domain/school/pupil';
import { refused, type Refused } from '../outcome';

export type TrainingResult<T> = Refused | { status: 'invalid'; message: string } | ({ status: 'ok' } & T);

function checkDate(completedOn: string, today: string): string | undefined {
  if (!isIsoDate(completedOn)) return 'Give the date as YYYY-MM-DD.';
  if (completedOn > today) return 'The date cannot be in the future.';
  return undefined;
}

/**
 * A staff member says they did their online safety training (s.11): the requirement named, or the
 * standing one that applies to them (the one with induction first). It waits for the online
 * safety lead, who is sent a card to confirm it; only confirmed records count.
 */
export async function logOwnTraining(
  deps: AppDeps & { announce: Announce },
  actor: Person,
  input: { completedOn: string; evidence: string; requirementId?: string },
): Promise<TrainingResult<{ record: TrainingRecord }>> {
  if (!may(actor, 'training.logOwn')) return refused('training.logOwn');
  const now = deps.clock.now();
  const problem = checkDate(input.completedOn, localDate(now));
  if (problem) return { status: 'invalid', message: problem };
  const evidence = readText(trainingText.evidence, input.evidence);
  if (!evidence.ok) return { status: 'invalid', message: evidence.message };
  const mine = [...(await recordableRequirements(deps.stores)).values()].filter(
    (requirement) => appliesTo(requirement, actor) && (!input.requirementId || requirement.id === input.requirementId),
  );
  const requirement = mine.find((candidate) => candidate.rule.kind === 'inductionThenEvery') ?? mine[0];
  if (!requirement)
    return {
      status: 'invalid',
      message: 'There is no online safety training for you to log yet: the online safety lead adds it in School settings.',
    };
  const record = await deps.stores.trainingRecords.insert({
    requirementId: requirement.id,
    audience: 'staff',
    subjectId: actor.id,
    subjectName: actor.displayName,
    completedOn: input.completedOn,
    evidence: evidence.value,
    recordedById: actor.id,
    recordedByName: actor.displayName,
    recordedAt: now.toISOString(),
    status: 'awaitingConfirmation',
  });
  await recordAudit(deps, actor, {
    action: 'training.logOwn',
    recordType: 'trainingRecord',
    recordId: record.id,
    summary: 'Staff member logged their own online safety training',
  });
  // The claim is saved: telling the lead may fail without the person being told "not saved" (and trying again).
  await askToConfirm(deps, actor, record, requirement.title).catch((error: unknown) =>
    deps.log.error(`The online safety lead could not be asked to confirm training record ${record.id}`, error),
  );
  return { status: 'ok', record };
}

/**
 * Asks for a completion to be confirmed: the online safety lead, never the person it is about (an
 * online safety lead's own training goes to another lead, or to the headteacher if there is none).
 */
async function askToConfirm(deps: AppDeps & { announce: Announce }, subject: Person, record: TrainingRecord, title: string): Promise<void> {
  const confirmers = decidersAmong('onlineSafetyLead', subject.id, await roleHolders(deps, decisionChain('onlineSafetyLead')));
  const message = confirmationRequest(subject, record, title);
  await deps.announce(
    `training-claim ${record.id}`,
    confirmers.map((person) => ({ person, reason: `training-claim:${record.id}`, period: 'once', message })),
  );
}

/** The card asking to confirm a completion: who, what, when and the evidence, with Confirm and Not confirmed. */
export function confirmationRequest(
  subject: Pick<Person, 'displayName' | 'roles'>,
  record: TrainingRecord,
  title: string,
): ReminderMessage {
  const own = subject.roles.includes('onlineSafetyLead')
    ? [`As ${subject.displayName} is an online safety lead, someone else confirms it: nobody confirms their own training.`]
    : [];
  return {
    title: 'Please confirm online safety training',
    lines: [
      `${subject.displayName} says they completed ${title.toLowerCase()} on ${longDate(record.completedOn)}.`,
      record.evidence ? `Evidence: ${record.evidence}` : 'No evidence was given.',
      ...own,
    ],
    tone: 'accent',
    act: { label: 'Confirm', record: { recordType: 'trainingRecord', recordId: record.id } },
  };
}

/**
 * The online safety lead confirms (or, saying why, does not confirm) a completion a staff member
 * logged; the staff member is told either way.
 */
export async function decideTrainingClaim(
  deps: AppDeps & { announce: Announce },
  actor: Person,
  recordId: string,
  confirm: boolean,
  reason = '',
): Promise<TrainingResult<{ record: TrainingRecord; alreadyDecided: boolean }>> {
  const refuse = async (refusal: Refused): Promise<TrainingResult<never>> => {
    await recordAudit(deps, actor, {
      action: 'training.confirm.denied',
      recordType: 'trainingRecord',
      recordId: recordId.slice(0, 40),
      summary: 'Confirming training refused: the person may not confirm it',
    });
    return refusal;
  };
  if (!may(actor, 'training.confirm') && !needsHolders(actor, 'training.confirm')) return refuse(refused('training.confirm'));
  const record = /^\d{1,12}$/.test(recordId) ? await deps.stores.trainingRecords.get(recordId) : undefined;
  if (!record) return { status: 'invalid', message: 'That training record was not found.' };
  if (!mayDecide(actor, 'training.confirm', record.subjectId, await holdersFor(deps, actor, ['training.confirm']))) {
    return refuse(refused('training.confirm', record.subjectId === actor.id ? 'own record' : undefined));
  }
  if (record.status !== 'awaitingConfirmation') return { status: 'ok', record, alreadyDecided: true };
  const because = confirm ? undefined : readText(trainingText.notConfirmedBecause, reason);
  if (because && !because.ok) return { status: 'invalid', message: `${because.message} The person it is about is told why.` };
  try {
    const decided = await deps.stores.trainingRecords.update({
      ...record,
      status: confirm ? 'confirmed' : 'rejected',
      confirmedById: actor.id,
      confirmedByName: actor.displayName,
      ...(because?.ok ? { notConfirmedBecause: because.value } : {}),
    });
    await recordAudit(deps, actor, {
      action: confirm ? 'training.confirm' : 'training.reject',
      recordType: 'trainingRecord',
      recordId,
      summary: confirm ? 'Training confirmed' : 'Training not confirmed',
    });
    await tellDecision(deps, actor, decided).catch((error: unknown) =>
      deps.log.error(`Someone could not be told of the decision on training record ${recordId}`, error),
    );
    return { status: 'ok', record: decided, alreadyDecided: false };
  } catch (error) {
    if (!(error instanceof StaleRecordError)) throw error;
    return { status: 'ok', record: (await deps.stores.trainingRecords.get(recordId))!, alreadyDecided: true };
  }
}

/** The person whose completion it is hears the decision, and why when it is not confirmed. */
async function tellDecision(deps: AppDeps & { announce: Announce }, actor: Person, record: TrainingRecord): Promise<void> {
  const subject = record.audience === 'staff' ? await deps.directory.byId(record.subjectId) : undefined;
  if (!subject) return;
  const confirmed = record.status === 'confirmed';
  await deps.announce(`training-decision ${record.id}`, [
    {
      person: subject,
      reason: `training-decision:${record.id}`,
      period: 'once',
      message: {
        title: confirmed ? 'Your online safety training is confirmed' : 'Your online safety training was not confirmed',
        lines: [
          `${actor.displayName} ${confirmed ? 'confirmed' : 'did not confirm'} the training you did on ${longDate(record.completedOn)}.`,
          ...(record.notConfirmedBecause ? [`Why: ${record.notConfirmedBecause}`, 'You can log it again once it is sorted out.'] : []),
        ],
        tone: confirmed ? 'accent' : 'warning',
        act: { label: 'Open Training', tabView: 'training' },
      },
    },
  ]);
}

export interface SessionInput {
  requirementId: string;
  completedOn: string;
  evidence: string;
  /** Person ids (staff), class names (pupils), or `parents`. */
  subjectIds: string[];
  /** Parents' sessions: who attended. */
  attendees?: string[];
}

/**
 * The online safety lead records one session for many people at once: all staff, a class, the
 * parents' evening. Their own attendance waits for someone else to confirm: nobody confirms their
 * own training.
 */
export async function recordTrainingSession(
  deps: AppDeps & { announce: Announce },
  actor: Person,
  input: SessionInput,
): Promise<TrainingResult<{ records: TrainingRecord[] }>> {
  if (!may(actor, 'training.record')) {
    await recordAudit(deps, actor, {
      action: 'training.record.denied',
      recordType: 'trainingSession',
      recordId: input.requirementId.slice(0, 60),
      summary: 'Recording training refused: the person does not hold the role',
    });
    return refused('training.record');
  }
  const now = deps.clock.now();
  const problem = checkDate(input.completedOn, localDate(now));
  if (problem) return { status: 'invalid', message: problem };
  const evidence = readText(trainingText.evidence, input.evidence);
  if (!evidence.ok) return { status: 'invalid', message: evidence.message };
  const attendees: string[] = [];
  for (const name of input.attendees ?? []) {
    const attendee = readText(trainingText.attendee, name);
    if (!attendee.ok) return { status: 'invalid', message: attendee.message };
    if (attendee.value) attendees.push(attendee.value);
  }
  const requirement = (await recordableRequirements(deps.stores)).get(input.requirementId);
  if (!requirement) return { status: 'invalid', message: 'Choose one of the training requirements.' };
  const { audience } = requirement;
  const subjects = await subjectNames(deps, requirement, input.subjectIds);
  if (typeof subjects === 'string') return { status: 'invalid', message: subjects };
  const sessionId = `${input.requirementId}-${now.getTime()}`;
  const records = await deps.stores.trainingRecords.insertMany(
    subjects.map(([subjectId, subjectName]) => ({
      requirementId: input.requirementId,
      audience,
      subjectId,
      subjectName,
      completedOn: input.completedOn,
      evidence: evidence.value,
      recordedById: actor.id,
      recordedByName: actor.displayName,
      recordedAt: now.toISOString(),
      status: subjectId === actor.id ? ('awaitingConfirmation' as const) : ('confirmed' as const),
      sessionId,
      ...(audience === 'parents' ? { attendees } : {}),
    })),
  );
  await recordAudit(deps, actor, {
    action: 'training.record',
    recordType: 'trainingSession',
    recordId: sessionId,
    summary: `Training recorded for ${records.length} (${audience})`,
  });
  for (const own of records.filter((record) => record.status === 'awaitingConfirmation')) {
    await askToConfirm(deps, actor, own, requirement.title).catch((error: unknown) =>
      deps.log.error(`Someone could not be asked to confirm training record ${own.id}`, error),
    );
  }
  return { status: 'ok', records };
}

async function subjectNames(deps: AppDeps, requirement: TrainingRequirement, ids: string[]): Promise<[string, string][] | string> {
  const { audience } = requirement;
  const unique = [...new Set(ids)];
  if (unique.length === 0) return 'Choose who attended.';
  if (audience === 'parents')
    return unique.every((id) => id === PARENTS_SUBJECT)
      ? [[PARENTS_SUBJECT, 'Parents']]
      : 'Parents are recorded as one group, with who attended.';
  if (audience === 'pupils') {
    const pupils = await readAll((cursor) => deps.stores.pupils.find({ limit: 500, ...(cursor ? { cursor } : {}) }));
    const classes = new Set(currentClasses(pupils));
    const unknown = unique.filter((id) => !classes.has(id));
    return unknown.length ? `Unknown class: ${unknown.join(', ')}.` : unique.map((id) => [id, `Class ${id}`]);
  }
  const named: [string, string][] = [];
  for (const id of unique) {
    const person = /^\d{1,12}$/.test(id) ? await deps.directory.byId(id) : undefined;
    if (!person || !appliesTo(requirement, person))
      return `${person ? person.displayName : 'Someone chosen'} is not one of the people this training is for.`;
    named.push([person.id, person.displayName]);
  }
  return named;
}
