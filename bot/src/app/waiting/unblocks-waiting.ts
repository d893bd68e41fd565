import { accessReference } from '../../domain/access/access-request';
import { ACCESS_WORKFLOW } from '../../domain/access/access-workflow';
import { unblockStatus } from '../../domain/access/unblock';
import { today } from '../../domain/calendar/zoned-time';
import { stepsFor } from '../../domain/workflow/workflow-rules';
import { openedSites } from '../unblocks/open-unblocks';
import type { WaitingItem, WaitingProvider } from './waiting-item';

/**
 * Open unblocks that need someone: past their last day (or on it), the ICT technician must block
 * the site again and the online safety lead sees it until they do; a site opened before periods
 * existed waits for the lead to set its last day.
 */
export const unblocksWaiting: WaitingProvider = async (deps, person) => {
  const day = today(deps.clock);
  const items: WaitingItem[] = [];
  for (const request of await openedSites(deps.stores)) {
    const status = unblockStatus(request, day);
    const ended = request.period !== undefined && request.period.to <= day;
    const steps = stepsFor(ACCESS_WORKFLOW, request, person);
    const seen = ended ? steps.length > 0 : status === 'noEndDate' && steps.includes('setEnd');
    if (!seen) continue;
    items.push({
      recordType: 'accessRequest',
      recordId: request.id,
      reference: accessReference(request.id),
      title: request.url,
      from: request.requesterName,
      since: request.updatedAt,
      steps,
      version: request.version,
      facts: ended
        ? { lastDay: request.period!.to, unblock: status === 'pastEnd' ? 'past its end' : 'ends today' }
        : { unblock: 'no end date — set one' },
    });
  }
  return items;
};
