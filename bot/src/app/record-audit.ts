import type { Person } from '../domain/people/person';
import type { AuditEntry } from '../ports/audit-log.port';
import type { AppDeps } from './app-deps';

const ATTEMPTS = 3;

/**
 * Appends an audit entry after a change was saved. The change is already stored, so a failing
 * audit write is retried and then reported loudly rather than undoing the user's work.
 */
export async function recordAudit(
  deps: Pick<AppDeps, 'stores' | 'clock' | 'log'>,
  actor: Pick<Person, 'id' | 'displayName'>,
  entry: { action: string; recordType: string; recordId: string; summary: string },
): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await deps.stores.audit.append(auditEntry(deps, actor, entry));
      return;
    } catch (error) {
      if (attempt >= ATTEMPTS) {
        deps.log.error(`Audit entry "${entry.action}" for ${entry.recordType} ${entry.recordId} could not be written`, error);
        return;
      }
    }
  }
}

/** An audit entry as stored: what was done, by whom, now. */
export function auditEntry(
  deps: Pick<AppDeps, 'clock'>,
  actor: Pick<Person, 'id' | 'displayName'>,
  entry: { action: string; recordType: string; recordId: string; summary: string },
): Omit<AuditEntry, 'id'> {
  return { ...entry, at: deps.clock.now().toISOString(), actorId: actor.id, actorName: actor.displayName };
}
