import type { AccessRequest } from '../../domain/access/access-request';
import { today } from '../../domain/calendar/zoned-time';
import { unblockStatus, type UnblockStatus } from '../../domain/access/unblock';
import { may } from '../../domain/authorization/permissions';
import type { Person } from '../../domain/people/person';
import type { Versioned } from '../../ports/collection.port';
import type { AppDeps } from '../app-deps';
import { refused, type Refused } from '../outcome';
import { recordAudit } from '../record-audit';
import { openedSites } from './open-unblocks';

export interface RegisterEntry {
  request: Versioned<AccessRequest>;
  status: UnblockStatus;
}

export type RegisterResult = Refused | { status: 'ok'; entries: RegisterEntry[] };

const ORDER: Record<UnblockStatus, number> = { pastEnd: 0, noEndDate: 1, open: 2, reblocked: 3 };

/**
 * The register of unblocks (DfE filtering and monitoring standards: what is allowed, for whom and
 * why): every site opened after a request, those past their last day first, then those with none,
 * the open ones by last day, then those blocked again. Seen by whoever sees every access request.
 */
export async function unblockRegister(deps: AppDeps, person: Person): Promise<RegisterResult> {
  if (!may(person, 'accessRequest.viewAll')) return refused('accessRequest.viewAll');
  const day = today(deps.clock);
  const entries = (await openedSites(deps.stores, ['unblocked', 'reblocked'])).map((request) => ({
    request,
    status: unblockStatus(request, day)!,
  }));
  const lastDay = (entry: RegisterEntry) => entry.request.period?.to ?? '';
  return {
    status: 'ok',
    entries: entries.sort(
      (a, b) => ORDER[a.status] - ORDER[b.status] || lastDay(a).localeCompare(lastDay(b)) || Number(a.request.id) - Number(b.request.id),
    ),
  };
}

/** The register for a spreadsheet; the export is audited (who took a copy, when, how many rows). */
export async function exportUnblockRegister(deps: AppDeps, person: Person): Promise<RegisterResult> {
  const result = await unblockRegister(deps, person);
  if (result.status === 'ok')
    await recordAudit(deps, person, {
      action: 'unblock-register.exported',
      recordType: 'accessRequest',
      recordId: '-',
      summary: `Register of unblocked sites exported (${result.entries.length} rows)`,
    });
  return result;
}
