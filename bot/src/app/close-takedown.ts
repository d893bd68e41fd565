import { may } from '../domain/authorization/permissions';
import { closeTakedown, type TakedownOutcome, type TrackedTakedown } from '../domain/consent/takedown';
import type { Person } from '../domain/people/person';
import { StaleRecordError, StoreUnavailableError, type Versioned } from '../ports/collection.port';
import type { AppDeps } from './app-deps';
import { recordAudit } from './record-audit';

export type CloseTakedownResult =
  | { status: 'ok'; task: Versioned<TrackedTakedown> }
  | { status: 'not-permitted'; task: Versioned<TrackedTakedown> }
  /** The rules' own words: the reason is missing or wrong (invalid), or the task is already closed (not-now). */
  | { status: 'invalid' | 'not-now'; message: string; task: Versioned<TrackedTakedown> }
  /** The page showed an older version of the task. */
  | { status: 'stale'; task: Versioned<TrackedTakedown> }
  | { status: 'not-found' }
  | { status: 'not-saved' };

/**
 * The account owner (or the DSL) closes a takedown task: removed, or why it cannot be (s.4). A
 * page that showed an older version of the task (`seenVersion`) changes nothing.
 */
export async function closeTakedownTask(
  deps: AppDeps,
  actor: Person,
  taskId: string,
  outcome: TakedownOutcome,
  reason: string,
  seenVersion?: number,
): Promise<CloseTakedownResult> {
  try {
    const task = await deps.stores.takedowns.get(taskId);
    if (!task) return { status: 'not-found' };
    if (!may(actor, 'takedown.close', task.ownerId)) {
      await recordAudit(deps, actor, {
        action: 'takedown.close.denied',
        recordType: 'takedown',
        recordId: task.id,
        summary: 'Closing refused: the person does not own the account',
      });
      return { status: 'not-permitted', task };
    }
    if (seenVersion !== undefined && seenVersion !== task.version) return { status: 'stale', task };
    const closed = closeTakedown(task, outcome, reason, deps.clock.now());
    if (!closed.ok) return { status: task.status === 'to do' ? 'invalid' : 'not-now', message: closed.message, task };
    const saved = await deps.stores.takedowns.update({ ...closed.task, version: task.version });
    await recordAudit(deps, actor, {
      action: `takedown.${outcome === 'removed' ? 'removed' : 'cannot-remove'}`,
      recordType: 'takedown',
      recordId: saved.id,
      summary: `Takedown task is now "${saved.status}"`,
    });
    return { status: 'ok', task: saved };
  } catch (error) {
    if (error instanceof StoreUnavailableError || error instanceof StaleRecordError) {
      deps.log.error(`Takedown task ${taskId} could not be closed`, error);
      return { status: 'not-saved' };
    }
    throw error;
  }
}
