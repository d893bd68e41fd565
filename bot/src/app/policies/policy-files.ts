import { may, type Action } from '../../domain/authorization/permissions';
import type { Person } from '../../domain/people/person';
import type { MediaStore } from '../../ports/media-store.port';
import type { AppDeps } from '../app-deps';
import type { Announce } from '../reminders/announce';
import { recordAudit } from '../record-audit';

/** Where the policies' documents are kept: a folder in the data folder, or the Policy library on the working site. */
export interface PolicyFiles {
  store: MediaStore;
  newId(): string;
}

export type PolicyLibraryDeps = AppDeps & { policyFiles: PolicyFiles; announce: Announce };

/** Whether the person may; a refusal is audited (the policy's id only). */
export async function allowed(
  deps: Pick<AppDeps, 'stores' | 'clock' | 'log'>,
  actor: Person,
  action: Action,
  recordId: string,
): Promise<boolean> {
  if (may(actor, action)) return true;
  await recordAudit(deps, actor, {
    action: `${action}.denied`,
    recordType: 'policy',
    recordId: recordId.slice(0, 20),
    summary: 'Refused: the person does not hold the role',
  });
  return false;
}
