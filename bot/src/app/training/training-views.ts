import { mayDecide, needsHolders } from '../../domain/authorization/deciders';
import { may } from '../../domain/authorization/permissions';
import type { IsoDate } from '../../domain/calendar/dates';
import type { Person } from '../../domain/people/person';
import type { TrainingRecord } from '../../domain/training/training-record';
import { AUDIENCE_LABELS, type Audience } from '../../domain/training/training-requirement';
import type { Versioned } from '../../ports/collection.port';
import type { AppDeps } from '../app-deps';
import { readAll } from '../read-all';
import { recordAudit } from '../record-audit';
import { holdersFor } from '../role-holders';
import { trainingCompliance, type ComplianceRow } from './training-compliance';
import type { TrainingSetup } from './training-setup';

export interface GroupSummary {
  audience: string;
  group: string;
  upToDate: number;
  dueSoon: number;
  overdue: number;
}

export interface TrainingOverview {
  /** False: only the person's own rows are shown. */
  everyone: boolean;
  rows: ComplianceRow[];
  groups: GroupSummary[];
  /** Completions staff logged that this person may confirm: never their own. */
  awaitingConfirmation: TrainingRecord[];
  requirements: { id: string; title: string; audience: Audience }[];
}

/** Compliance at a glance for those who oversee training; anyone else sees their own. */
export async function trainingOverview(deps: AppDeps, actor: Person, today: IsoDate, setup: TrainingSetup): Promise<TrainingOverview> {
  const everyone = may(actor, 'training.viewAll');
  const all = await trainingCompliance(deps, today, setup);
  const rows = everyone ? all : all.filter((row) => row.audience === 'staff' && row.subjectId === actor.id);
  const awaiting = await claimsToConfirm(deps, actor);
  const refreshers = await readAll((cursor) => deps.stores.refreshers.find({ limit: 200, ...(cursor ? { cursor } : {}) }));
  return {
    everyone,
    rows,
    groups: summariseGroups(rows),
    awaitingConfirmation: awaiting,
    requirements: [
      ...setup.requirements.map((r) => ({ id: r.id, title: r.title, audience: r.audience })),
      ...refreshers.map((r) => ({ id: `refresher-${r.id}`, title: r.title, audience: r.audience })),
    ],
  };
}

/** Up to date, due soon and overdue, counted per audience and group: no names. */
export function summariseGroups(rows: readonly ComplianceRow[]): GroupSummary[] {
  const groups = new Map<string, GroupSummary>();
  for (const row of rows) {
    const key = `${row.audience}|${row.group}`;
    const summary = groups.get(key) ?? { audience: AUDIENCE_LABELS[row.audience], group: row.group, upToDate: 0, dueSoon: 0, overdue: 0 };
    summary[row.status]++;
    groups.set(key, summary);
  }
  return [...groups.values()];
}

/**
 * Completions staff logged that this person may confirm: never their own (see deciders.ts); for
 * someone standing in for the online safety lead, only those of the lead they stand in for.
 */
export async function claimsToConfirm(deps: AppDeps, actor: Person): Promise<Versioned<TrainingRecord>[]> {
  if (!may(actor, 'training.confirm') && !needsHolders(actor, 'training.confirm')) return [];
  const holders = await holdersFor(deps, actor, ['training.confirm']);
  const claims = await readAll((cursor) =>
    deps.stores.trainingRecords.find({ where: { status: 'awaitingConfirmation' }, limit: 200, ...(cursor ? { cursor } : {}) }),
  );
  return claims.filter((record) => mayDecide(actor, 'training.confirm', record.subjectId, holders));
}

/** A person's (or a class's, or the parents') training history, newest first. */
export async function trainingHistory(
  deps: AppDeps,
  actor: Person,
  subjectId: string,
): Promise<{ status: 'not-permitted' } | { status: 'ok'; records: TrainingRecord[] }> {
  if (subjectId !== actor.id && !may(actor, 'training.viewAll')) {
    await recordAudit(deps, actor, {
      action: 'training.viewAll.denied',
      recordType: 'trainingHistory',
      recordId: subjectId.slice(0, 40),
      summary: "Viewing someone else's training refused",
    });
    return { status: 'not-permitted' };
  }
  const records = await readAll((cursor) =>
    deps.stores.trainingRecords.find({ where: { subjectId }, limit: 500, ...(cursor ? { cursor } : {}) }),
  );
  return { status: 'ok', records: records.sort((a, b) => b.completedOn.localeCompare(a.completedOn)) };
}
