import { mayDecide } from '../../domain/authorization/deciders';
import type { Person } from '../../domain/people/person';
import type { TrainingRecord } from '../../domain/training/training-record';
import type { Versioned } from '../../ports/collection.port';
import type { ReminderMessage } from '../../ports/outbox.port';
import type { AppDeps } from '../app-deps';
import { holdersFor } from '../role-holders';
import { confirmationRequest } from './record-training';
import { recordableRequirements } from './training-setup';

export type ClaimToConfirm =
  | { status: 'ok'; record: Versioned<TrainingRecord>; message: ReminderMessage }
  | { status: 'decided'; record: Versioned<TrainingRecord> }
  | { status: 'not-permitted' }
  | { status: 'not-found' };

/** A completion waiting for this person to confirm it, as the card that asked them shows it; nobody else is shown it. */
export async function claimToConfirm(deps: AppDeps, person: Person, recordId: string): Promise<ClaimToConfirm> {
  const record = /^\d{1,12}$/.test(recordId) ? await deps.stores.trainingRecords.get(recordId) : undefined;
  if (!record) return { status: 'not-found' };
  if (!mayDecide(person, 'training.confirm', record.subjectId, await holdersFor(deps, person, ['training.confirm'])))
    return { status: 'not-permitted' };
  if (record.status !== 'awaitingConfirmation') return { status: 'decided', record };
  const subject = (await deps.directory.byId(record.subjectId)) ?? { displayName: record.subjectName, roles: [] };
  const title = (await recordableRequirements(deps.stores)).get(record.requirementId)?.title ?? 'their online safety training';
  return { status: 'ok', record, message: confirmationRequest(subject, record, title) };
}
