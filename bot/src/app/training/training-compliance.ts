import type { IsoDate } from '../../domain/calendar/dates';
import type { SchoolCalendar } from '../../domain/calendar/school-calendar';
import { dueStatus, nextDue, type DueStatus } from '../../domain/training/training-due';
import { lastCompleted, PARENTS_SUBJECT, type TrainingRecord } from '../../domain/training/training-record';
import { appliesTo, refresherRequirement, type Audience, type TrainingRequirement } from '../../domain/training/training-requirement';
import type { Person } from '../../domain/people/person';
import { ROLE_LABELS, type Role } from '../../domain/people/role';
import type { TrainingSetup } from './training-setup';
import type { Directory } from '../../ports/directory.port';
import type { Stores } from '../../ports/stores.port';
import { readAll } from '../read-all';
import { currentClasses } from '../../domain/school/pupil';

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

/**
 * Every requirement (the standing ones in `setup` and the DSL's refreshers) for every subject it
 * applies to, with its due date.
 */
export async function trainingCompliance(
  deps: { stores: Pick<Stores, 'trainingRecords' | 'refreshers' | 'pupils'>; directory: Pick<Directory, 'everyone'> },
  today: IsoDate,
  { requirements: standing, calendar }: TrainingSetup,
): Promise<ComplianceRow[]> {
  const [records, refreshers, people, pupils] = await Promise.all([
    readAll((cursor) => deps.stores.trainingRecords.find({ where: { status: 'confirmed' }, limit: 500, ...(cursor ? { cursor } : {}) })),
    readAll((cursor) => deps.stores.refreshers.find({ limit: 500, ...(cursor ? { cursor } : {}) })),
    deps.directory.everyone(),
    readAll((cursor) => deps.stores.pupils.find({ limit: 500, ...(cursor ? { cursor } : {}) })),
  ]);
  const classes = currentClasses(pupils);
  const subjects = (requirement: TrainingRequirement): Subject[] => {
    if (requirement.audience === 'pupils')
      return classes.map((className) => ({ audience: 'pupils', group: className, id: className, name: `Class ${className}` }));
    if (requirement.audience === 'parents') return [{ audience: 'parents', group: 'Parents', id: PARENTS_SUBJECT, name: 'Parents' }];
    return people.filter((person) => appliesTo(requirement, person)).map((person) => personSubject(person, requirement.roles));
  };
  const requirements: { requirement: TrainingRequirement; group: string }[] = [
    ...standing.map((requirement) => ({ requirement, group: 'all' })),
    ...refreshers.map((refresher) => ({ requirement: refresherRequirement(refresher), group: refresher.group })),
  ];
  const rows: ComplianceRow[] = [];
  for (const { requirement, group } of requirements) {
    for (const subject of subjects(requirement).filter((s) => group === 'all' || s.group === group)) {
      rows.push(rowFor(requirement, subject, records, today, calendar));
    }
  }
  return rows;
}

/** A person, grouped as the requirement names them: "All staff", or "Governor, Chair of governors". */
function personSubject(person: Person, roles: readonly Role[] = ['staff']): Subject {
  const group = roles.length === 1 && roles[0] === 'staff' ? 'All staff' : roles.map((role) => ROLE_LABELS[role]).join(', ');
  return {
    audience: 'staff',
    group,
    id: person.id,
    name: person.displayName,
    ...(person.startedOn ? { startedOn: person.startedOn } : {}),
  };
}

function rowFor(
  requirement: TrainingRequirement,
  subject: Subject,
  records: TrainingRecord[],
  today: IsoDate,
  calendar: SchoolCalendar,
): ComplianceRow {
  const last = lastCompleted(records, requirement.id, subject.id);
  const due = nextDue(
    requirement.rule,
    { ...(subject.startedOn ? { startedOn: subject.startedOn } : {}), ...(last ? { lastCompletedOn: last } : {}) },
    today,
    calendar,
  );
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
