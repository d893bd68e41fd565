import type { Incident } from '../domain/incidents/incident';
import { applyLinkChange, linkKey, type IncidentLink, type LinkKind } from '../domain/incidents/incident-people';
import { DuplicateRecordError, type Versioned } from '../ports/collection.port';
import type { AppDeps } from './app-deps';
import type { IncidentStep, LinkTarget } from './act-on-incident';
import type { Change } from './incident-step-changes';
import { readAll } from './read-all';
import { ensureTransferTasks } from './pupil-transfers';

type LinkStep = Extract<IncidentStep, { type: 'link' | 'linkRole' | 'unlink' }>;
type Person = Pick<IncidentLink, 'kind' | 'name' | 'pupilId' | 'personId' | 'className' | 'yearGroup'> & { key: string; onRollTo?: string };

/**
 * Linking a person, changing their part, or unlinking them. The link is written once the incident
 * itself is saved (so two people changing the same incident cannot both succeed), and every change
 * is a line in the chronology.
 */
export async function linkChange(deps: AppDeps, incident: Incident, step: LinkStep): Promise<Change> {
  if (step.type === 'link') {
    const person = await resolve(deps, incident.id, step.who);
    if (typeof person === 'string') return { message: person };
    const existing = (await deps.stores.incidentLinks.find({ where: { linkKey: person.key }, limit: 1 })).items[0];
    const change = changeOf(deps, incident.id, person, existing, { type: 'link', role: step.role }, 'Person linked');
    return person.onRollTo && 'afterSave' in change
      ? withTransferTask(deps, change, { id: person.pupilId!, onRollTo: person.onRollTo })
      : change;
  }
  const existing = await deps.stores.incidentLinks.get(step.linkId);
  if (!existing || existing.incidentId !== incident.id) return { message: 'That person is not linked to this incident.' };
  const person = {
    kind: existing.kind,
    name: existing.name,
    pupilId: existing.pupilId,
    personId: existing.personId,
    className: existing.className,
    yearGroup: existing.yearGroup,
    key: existing.linkKey,
  };
  return step.type === 'unlink'
    ? changeOf(deps, incident.id, person, existing, { type: 'unlink' }, 'Person unlinked')
    : changeOf(deps, incident.id, person, existing, { type: 'role', role: step.role }, 'Part changed');
}

function changeOf(
  deps: AppDeps,
  incidentId: string,
  person: Person,
  existing: Versioned<IncidentLink> | undefined,
  change: Parameters<typeof applyLinkChange>[2],
  audit: string,
): Change {
  const result = applyLinkChange(person, existing, change);
  if ('problem' in result) return { message: result.problem };
  const { key, onRollTo: _left, ...who } = person;
  const record = { ...who, incidentId, linkKey: key, role: result.role, linked: result.linked, updatedAt: deps.clock.now().toISOString() };
  const afterSave = async () => {
    if (existing) await deps.stores.incidentLinks.update({ ...existing, ...record });
    else await insertOnce(deps, record);
  };
  return { afterSave, lines: [{ kind: 'people', text: result.line }], audit };
}

/** A pupil who has left, linked to an incident: once the link is saved, the DSL has a task to send their file on (if none yet). */
function withTransferTask(deps: AppDeps, change: Extract<Change, { lines: unknown }>, pupil: { id: string; onRollTo: string }): Change {
  return {
    ...change,
    afterSave: async () => {
      await change.afterSave?.();
      await ensureTransferTasks(deps, [pupil]);
    },
  };
}

/** A pupil from the roster (whether on roll or left), a member of staff, or a name. */
async function resolve(deps: AppDeps, incidentId: string, who: LinkTarget): Promise<Person | string> {
  const key = (kind: LinkKind, id: string) => linkKey(incidentId, kind, id);
  if ('pupilId' in who) {
    const pupil = await deps.stores.pupils.get(who.pupilId);
    if (!pupil) return 'That pupil is not on the school roster.';
    return {
      kind: 'pupil',
      pupilId: pupil.id,
      name: pupil.displayName,
      className: pupil.className,
      yearGroup: pupil.yearGroup,
      key: key('pupil', pupil.id),
      ...(pupil.onRollTo ? { onRollTo: pupil.onRollTo } : {}),
    };
  }
  if ('personId' in who) {
    const staff = await deps.directory.byId(who.personId);
    if (!staff) return 'That person is not in the school directory.';
    return { kind: 'staff', personId: staff.id, name: staff.displayName, key: key('staff', staff.id) };
  }
  return { kind: 'other', name: who.name, key: key('other', who.name.toLowerCase().replace(/\s+/g, ' ')) };
}

/** A link written for a retried request finds its earlier self: written once. */
async function insertOnce(deps: AppDeps, record: Omit<IncidentLink, 'id'>): Promise<void> {
  try {
    await deps.stores.incidentLinks.insert(record);
  } catch (error) {
    if (!(error instanceof DuplicateRecordError)) throw error;
  }
}

/** Everyone linked to the incident now, pupils first, in the order they were linked. */
export async function linksOf(deps: Pick<AppDeps, 'stores'>, incidentId: string): Promise<Versioned<IncidentLink>[]> {
  const all = await readAll((cursor) =>
    deps.stores.incidentLinks.find({ where: { incidentId }, limit: 200, ...(cursor ? { cursor } : {}) }),
  );
  const order = { pupil: 0, staff: 1, other: 2 };
  return all.filter((link) => link.linked).sort((a, b) => order[a.kind] - order[b.kind] || Number(a.id) - Number(b.id));
}
