import { may } from '../domain/authorization/permissions';
import type { Person } from '../domain/people/person';
import type { AuditEntry } from '../ports/audit-log.port';
import { readAll } from './read-all';
import type { AppDeps } from './app-deps';
import { allVisibleIncidents } from './incident-log';
import { recordAudit } from './record-audit';

/**
 * The audit log, for the headteacher only; a refusal is itself audited. An entry about an incident
 * goes only to someone who may see that incident (the rule of incident-visibility.ts), so a
 * headteacher's export never shows that a concern about them exists, who raised it, who opened it,
 * or their own refused attempts at it.
 */
export async function exportAuditLog(
  deps: AppDeps,
  person: Person,
): Promise<{ status: 'not-permitted' } | { status: 'ok'; entries: AuditEntry[] }> {
  if (!may(person, 'audit.export')) {
    await recordAudit(deps, person, {
      action: 'audit.export.denied',
      recordType: 'auditLog',
      recordId: '-',
      summary: 'Audit export refused: the person does not hold the role',
    });
    return { status: 'not-permitted' };
  }
  const all = await readAll((cursor) => deps.stores.audit.page({ limit: 500, ...(cursor ? { cursor } : {}) }));
  const visible = new Set((await allVisibleIncidents(deps, person)).map((incident) => incident.id));
  const entries = all.filter((entry) => entry.recordType !== 'incident' || entry.recordId === '-' || visible.has(entry.recordId));
  await recordAudit(deps, person, {
    action: 'audit.exported',
    recordType: 'auditLog',
    recordId: '-',
    summary: `Audit log exported (${entries.length} entries)`,
  });
  return { status: 'ok', entries };
}
