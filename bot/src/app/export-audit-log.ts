import { may } from '../domain/authorization/permissions';
import type { Person } from '../domain/people/person';
import type { AuditEntry } from '../ports/audit-log.port';
import { readAll } from './read-all';
import type { AppDeps } from './app-deps';
import { recordAudit } from './record-audit';

/** The whole audit log, for the headteacher only; a refusal is itself audited. */
export async function exportAuditLog(deps: AppDeps, person: Person): Promise<{ status: 'denied' } | { status: 'ok'; entries: AuditEntry[] }> {
  if (!may(person, 'audit.export')) {
    await recordAudit(deps, person, { action: 'audit.export.denied', recordType: 'auditLog', recordId: '-', summary: 'Audit export refused: the person does not hold the role' });
    return { status: 'denied' };
  }
  const entries = await readAll((cursor) => deps.stores.audit.page({ limit: 500, ...(cursor ? { cursor } : {}) }));
  await recordAudit(deps, person, { action: 'audit.exported', recordType: 'auditLog', recordId: '-', summary: `Audit log exported (${entries.length} entries)` });
  return { status: 'ok', entries };
}
