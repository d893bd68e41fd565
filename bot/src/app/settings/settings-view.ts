import { may } from '../../domain/authorization/permissions';
import { schoolYearsOf, toEntries, type TermDateEntry } from '../../domain/calendar/term-date-entries';
import { localDate } from '../../domain/calendar/zoned-time';
import type { Person } from '../../domain/people/person';
import { ROLE_LABELS, ROLES, type Role } from '../../domain/people/role';
import type { PolicyDocument } from '../../domain/school/policy-document';
import type { TrainingRequirementRecord } from '../../domain/training/training-requirement';
import type { Versioned } from '../../ports/collection.port';
import type { AppDeps } from '../app-deps';
import { recordAudit } from '../record-audit';
import { readPolicies } from './policy-register';
import type { SchoolRecord } from './school-details';
import { readTermDates } from './term-dates';
import { readRequirementRecords } from './training-requirements';

export interface SettingsView {
  /** What this person may change; the rest they see only. */
  can: { school: boolean; policies: boolean; termDates: boolean; trainingRequirements: boolean };
  school: Versioned<SchoolRecord> | null;
  policies: Versioned<PolicyDocument>[];
  termDates: { version: number | null; entries: TermDateEntry[]; years: string[] };
  trainingRequirements: Versioned<TrainingRequirementRecord>[];
  /** The roles a review or a requirement can name, with their labels. */
  roles: { value: Role; label: string }[];
  today: string;
}

/** Everything on the School settings page, for those who keep any part of it. */
export async function settingsView(
  deps: Pick<AppDeps, 'stores' | 'clock' | 'log'>,
  actor: Person,
): Promise<{ status: 'not-permitted' } | ({ status: 'ok' } & SettingsView)> {
  if (!may(actor, 'settings.view')) {
    await recordAudit(deps, actor, {
      action: 'settings.view.denied',
      recordType: 'settings',
      recordId: '-',
      summary: 'Opening School settings refused: the person does not hold the role',
    });
    return { status: 'not-permitted' };
  }
  const [school, policies, termDates, trainingRequirements] = await Promise.all([
    deps.stores.school.find({ limit: 1 }),
    readPolicies(deps.stores),
    readTermDates(deps.stores),
    readRequirementRecords(deps.stores),
  ]);
  const entries = toEntries(termDates.calendar);
  return {
    status: 'ok',
    can: {
      school: may(actor, 'settings.school'),
      policies: may(actor, 'settings.policies'),
      termDates: may(actor, 'settings.termDates'),
      trainingRequirements: may(actor, 'settings.trainingRequirements'),
    },
    school: school.items[0] ?? null,
    policies,
    termDates: { version: termDates.record?.version ?? null, entries, years: schoolYearsOf(entries) },
    trainingRequirements,
    roles: ROLES.map((role) => ({ value: role, label: ROLE_LABELS[role] })),
    today: localDate(deps.clock.now()),
  };
}
