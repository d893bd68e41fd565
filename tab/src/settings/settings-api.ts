import { sendJson, type Credentials } from '../api';
import type { Role, SettingsData } from '../../../bot/src/contracts/settings';

export type {
  DueRule,
  Policy,
  PolicyReview,
  Requirement,
  Role,
  SchoolDetails,
  SettingsData,
  TermDateEntry,
} from '../../../bot/src/contracts/settings';
import { longDate as longDateOf } from '../ui/dates';

/** Field (a path such as `reviews.1.cycleMonths`) → what is wrong with it, from the server. */
export type Errors = Record<string, string>;

export type Saved<T> =
  | { status: 'saved'; record: T }
  | { status: 'invalid'; message: string; errors: Errors }
  /** Someone else saved it meanwhile: nothing of this person's was saved; `current` is it as it is now. */
  | { status: 'conflict'; message: string; current: T }
  | { status: 'failed'; message: string };

/** Sends a change to School settings and says how it ended, for the form to show. */
export async function saveSetting<T>(method: 'POST' | 'PUT', path: string, credentials: Credentials, body: object): Promise<Saved<T>> {
  try {
    const answer = await sendJson<{ record?: T; current?: T; error?: string; errors?: Errors }>(method, path, credentials, body);
    if (answer.ok && answer.body.record) return { status: 'saved', record: answer.body.record };
    const message = answer.body.error ?? `Nothing was saved (the server answered ${answer.status}).`;
    if (answer.status === 409 && answer.body.current) return { status: 'conflict', message, current: answer.body.current };
    if (answer.status === 422 && answer.body.errors) return { status: 'invalid', message, errors: answer.body.errors };
    return { status: 'failed', message };
  } catch {
    return { status: 'failed', message: 'Nothing was saved: the app could not be reached. Check your connection and save again.' };
  }
}

/** `1 September 2026`, as the rest of the app writes dates. */
export const longDate = longDateOf;

export const roleNames = (roles: readonly Role[], options: SettingsData['roles']) =>
  roles.map((role) => options.find((option) => option.value === role)?.label ?? role).join(', ');
