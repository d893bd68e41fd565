import { may } from '../domain/authorization/permissions';
import type { Person } from '../domain/people/person';
import type { AuditEntry } from '../ports/audit-log.port';
import type { AppDeps } from './app-deps';
import { recordAudit } from './record-audit';

/** Bounds one export; a school's log is far smaller, and a runaway loop must stop. */
const MAX_ENTRIES = 200_000;

/** The whole audit log, for the headteacher only; a refusal is itself audited. */
export async function exportAuditLog(deps: AppDeps, person: Person): Promise<{ status: 'denied' } | { status: 'ok'; entries: AuditEntry[] }> {
  if (!may(person, 'audit.export')) {
    await recordAudit(deps, person, { action: 'audit.export.denied', recordType: 'auditLog', recordId: '-', summary: 'Audit export refused: the person does not hold the role' });
    return { status: 'denied' };
  }
  const entries: AuditEntry[] = [];
  let cursor: string | undefined;
  do {
    const page = await deps.stores.audit.page({ limit: 500, ...(cursor ? { cursor } : {}) });
    entries.push(...page.items);
    cursor = page.next;
  } while (cursor && entries.length < MAX_ENTRIES);
  await recordAudit(deps, person, { action: 'audit.exported', recordType: 'auditLog', recordId: '-', summary: `Audit log exported (${entries.length} entries)` });
  return { status: 'ok', entries };
}
