import { may } from '../../domain/authorization/permissions';
import { overallLevel, type ReadinessItem, type ReadinessLevel } from '../../domain/readiness/readiness';
import type { Person } from '../../domain/people/person';
import { checkReadiness, type ReadinessChecks } from './check-readiness';

export interface Readiness {
  overall: ReadinessLevel;
  checkedAt: string;
  items: ReadinessItem[];
}

/** Runs the go-live checklist now. */
export async function readinessNow(checks: ReadinessChecks, now: Date): Promise<Readiness> {
  const items = await checkReadiness(checks);
  return { overall: overallLevel(items), checkedAt: now.toISOString(), items };
}

/** The checklist, for the people who set the school up (the headteacher, the admin team, the online safety lead). */
export async function viewReadiness(
  person: Person,
  checks: ReadinessChecks,
  now: Date,
): Promise<{ status: 'not-permitted' } | ({ status: 'ok' } & Readiness)> {
  if (!may(person, 'readiness.view')) return { status: 'not-permitted' };
  return { status: 'ok', ...(await readinessNow(checks, now)) };
}
