import { may, type Action } from '../../domain/authorization/permissions';
import type { Person } from '../../domain/people/person';
import type { FieldErrors } from '../../domain/validation/field-errors';
import { DuplicateRecordError, StaleRecordError, type Collection, type Versioned } from '../../ports/collection.port';
import type { AppDeps } from '../app-deps';
import { recordAudit } from '../record-audit';
import { refused, type Refused } from '../outcome';

/** How a save from School settings ended; the routes map each to an HTTP answer. */
export type SettingsSave<T> =
  | { status: 'ok'; record: Versioned<T>; before?: Versioned<T> }
  | Refused
  | { status: 'invalid'; errors: FieldErrors }
  | { status: 'not-found' }
  /** Someone saved it after this person read it: nothing was written; here it is as it is now. */
  | { status: 'stale'; current: Versioned<T> };

/** The record to write, made from what is stored now (undefined for a new one), or why it cannot be. */
export type Build<T> = (current: Versioned<T> | undefined) => { ok: true; record: Omit<T, 'id'> } | { ok: false; errors: FieldErrors };

/**
 * Saves a change to a record the person read at `seen.version`, or a new one (no `seen`). If
 * anyone saved it in between, nothing is written and the record as it is now comes back, so the
 * person can check it and save again: the second of two people editing at once is told, and
 * neither loses anything without knowing.
 */
export async function saveEdited<T extends { id: string }, K extends keyof T>(
  collection: Collection<T, K>,
  seen: { id: string; version: number } | undefined,
  build: Build<T>,
): Promise<SettingsSave<T>> {
  if (!seen) {
    const made = build(undefined);
    return made.ok ? { status: 'ok', record: await collection.insert(made.record) } : { status: 'invalid', errors: made.errors };
  }
  const current = await collection.get(seen.id);
  if (!current) return { status: 'not-found' };
  return update(collection, current, seen.version, build, () => collection.get(seen.id));
}

/**
 * The same for a collection that holds one record at most (the school, the term dates): the
 * person saw `version`, or nothing when there was no record yet.
 */
export async function saveSingle<T extends { id: string }, K extends keyof T>(
  collection: Collection<T, K>,
  version: number | undefined,
  build: Build<T>,
): Promise<SettingsSave<T>> {
  const first = async () => (await collection.find({ limit: 1 })).items[0];
  const current = await first();
  if (!current) {
    if (version !== undefined) return { status: 'not-found' };
    const made = build(undefined);
    if (!made.ok) return { status: 'invalid', errors: made.errors };
    try {
      return { status: 'ok', record: await collection.insert(made.record) };
    } catch (error) {
      // Someone else saved the first one a moment ago: theirs stays, this person is shown it.
      if (error instanceof DuplicateRecordError) return { status: 'stale', current: (await first())! };
      throw error;
    }
  }
  return update(collection, current, version, build, first);
}

async function update<T extends { id: string }, K extends keyof T>(
  collection: Collection<T, K>,
  current: Versioned<T>,
  version: number | undefined,
  build: Build<T>,
  reread: () => Promise<Versioned<T> | undefined>,
): Promise<SettingsSave<T>> {
  if (current.version !== version) return { status: 'stale', current };
  const made = build(current);
  if (!made.ok) return { status: 'invalid', errors: made.errors };
  try {
    return {
      status: 'ok',
      record: await collection.update({
        ...made.record,
        id: current.id,
        version: current.version,
        ...(current.etag ? { etag: current.etag } : {}),
      } as Versioned<T>),
      before: current,
    };
  } catch (error) {
    if (error instanceof StaleRecordError) return { status: 'stale', current: (await reread())! };
    throw error;
  }
}

/** Undefined when the person may change this part of School settings; otherwise the refusal, audited. */
export async function refusal(
  deps: Pick<AppDeps, 'stores' | 'clock' | 'log'>,
  actor: Person,
  action: Action,
  what: string,
): Promise<Refused | undefined> {
  if (may(actor, action)) return undefined;
  await recordAudit(deps, actor, {
    action: `${action}.denied`,
    recordType: 'settings',
    recordId: '-',
    summary: `Changing ${what} refused: the person does not hold the role`,
  });
  return refused(action);
}

/** Keys every stored record has that are not the setting itself. */
const BOOKKEEPING = new Set(['id', 'version', 'etag']);

/**
 * What a save changed, old value to new, for the audit log: School settings keep their history
 * there ("name "Riverside Primary" → "Twiss Green Primary""), so an earlier value can always be
 * found, with who changed it and when. Long values (a year's term dates) are shortened.
 */
export function describeChanges(before: object, after: object, labels: Record<string, string> = {}): string {
  const shown = (value: unknown) => {
    const text = value === undefined ? 'none' : JSON.stringify(value);
    return text.length > 80 ? `${text.slice(0, 77)}...` : text;
  };
  const was = before as Record<string, unknown>;
  const now = after as Record<string, unknown>;
  const keys = [...new Set([...Object.keys(was), ...Object.keys(now)])].filter((key) => !BOOKKEEPING.has(key));
  const changed = keys.filter((key) => JSON.stringify(was[key]) !== JSON.stringify(now[key]));
  return changed.map((key) => `${labels[key] ?? key} ${shown(was[key])} → ${shown(now[key])}`).join('; ') || 'nothing';
}
