import type { IsoDate } from '../../domain/calendar/dates';
import type { SchoolCalendar } from '../../domain/calendar/school-calendar';
import { dueStatus, nextDue, type DueStatus } from '../../domain/training/training-due';
import { lastCompleted, PARENTS_SUBJECT, type TrainingRecord } from '../../domain/training/training-record';
import { refresherRequirement, TRAINING_REQUIREMENTS, type Audience, type TrainingRequirement } from '../../domain/training/training-requirement';
import type { Person } from '../../domain/people/person';
import type { Directory } from '../../ports/directory.port';
import type { Stores } from '../../ports/stores.port';
import { readAll } from '../read-all';

/** One subject's standing on one requirement: a staff member, a class, or the parents. */
export interface ComplianceRow {
  requirementId: string;
  requirementTitle: string;
  policy: string;
  audience: Audience;
  /** `All staff`, a class name, or `Parents`. */
  group: string;
  subjectId: string;
  subjectName: string;
  lastCompletedOn?: IsoDate;
  due?: IsoDate;
  status: DueStatus;
}

interface Subject {
  audience: Audience;
  group: string;
  id: string;
  name: string;
  startedOn?: IsoDate;
}

/** Every requirement (standing ones and the DSL's refreshers) for every subject it applies to, with its due date. */
export async function trainingCompliance(deps: { stores: Pick<Stores, 'trainingRecords' | 'refreshers' | 'pupils'>; directory: Pick<Directory, 'everyone'> }, today: IsoDate, calendar: SchoolCalendar): Promise<ComplianceRow[]> {
  const [records, refreshers, people, pupils] = await Promise.all([
    readAll((cursor) => deps.stores.trainingRecords.find({ where: { status: 'confirmed' }, limit: 500, ...(cursor ? { cursor } : {}) })),
    readAll((cursor) => deps.stores.refreshers.find({ limit: 500, ...(cursor ? { cursor } : {}) })),
    deps.directory.everyone(),
    readAll((cursor) => deps.stores.pupils.find({ limit: 500, ...(cursor ? { cursor } : {}) })),
  ]);
  const classes = [...new Set(pupils.filter((pupil) => !pupil.onRollTo).map((pupil) => pupil.className))].sort();
  const subjects: Record<Audience, Subject[]> = {
    staff: people.filter((person) => person.roles.includes('staff')).map((person) => staffSubject(person)),
    pupils: classes.map((className) => ({ audience: 'pupils', group: className, id: className, name: `Class ${className}` })),
    parents: [{ audience: 'parents', group: 'Parents', id: PARENTS_SUBJECT, name: 'Parents' }],
  };
  const requirements: { requirement: TrainingRequirement; group: string }[] = [
    ...TRAINING_REQUIREMENTS.map((requirement) => ({ requirement, group: 'all' })),
    ...refreshers.map((refresher) => ({ requirement: refresherRequirement(refresher), group: refresher.group })),
  ];
  const rows: ComplianceRow[] = [];
  for (const { requirement, group } of requirements) {
    for (const subject of subjects[requirement.audience].filter((s) => group === 'all' || s.group === group)) {
      rows.push(rowFor(requirement, subject, records, today, calendar));
    }
  }
  return rows;
}

function staffSubject(person: Person): Subject {
  return { audience: 'staff', group: 'All staff', id: person.id, name: person.displayName, ...(person.startedOn ? { startedOn: person.startedOn } : {}) };
}

function rowFor(requirement: TrainingRequirement, subject: Subject, records: TrainingRecord[], today: IsoDate, calendar: SchoolCalendar): ComplianceRow {
  const last = lastCompleted(records, requirement.id, subject.id);
  const due = nextDue(requirement.rule, { ...(subject.startedOn ? { startedOn: subject.startedOn } : {}), ...(last ? { lastCompletedOn: last } : {}) }, today, calendar);
  return {
    requirementId: requirement.id,
    requirementTitle: requirement.title,
    policy: requirement.policy,
    audience: requirement.audience,
    group: subject.group,
    subjectId: subject.id,
    subjectName: subject.name,
    ...(last ? { lastCompletedOn: last } : {}),
    ...(due ? { due } : {}),
    status: dueStatus(due, today),
  };
}
