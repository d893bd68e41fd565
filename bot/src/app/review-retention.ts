import { isDue, retentionRules, reviewDue, type RetainedRecord, type RetentionRule } from '../domain/retention/retention-rules';
import type { Incident } from '../domain/incidents/incident';
import type { Stores } from '../ports/stores.port';
import { readAll } from './read-all';

export interface DueForReview {
  record: RetainedRecord;
  recordId: string;
  reviewedBy: RetentionRule['reviewedBy'];
  /** The review date. */
  due: string;
  /** For an incident: what decides who may be told of it, even as a count. */
  seenBy?: Pick<Incident, 'aboutHeadteacher' | 'assigneeId'>;
}

/**
 * The monthly retention review: every record whose keeping period is over, for its owner to
 * review. Nothing is deleted. Incidents are kept until the pupil's 25th birthday; the app holds no
 * date of birth (data minimisation), so an incident is listed 22 years after it was reported, when
 * any pupil involved (aged 3 at the youngest) is past 25.
 */
export async function reviewRetention(
  stores: Pick<Stores, 'pupils' | 'accessRequests' | 'incidents' | 'pupilTransfers'>,
  today: string,
  consentMonthsAfterLeaving: number,
): Promise<DueForReview[]> {
  const rules = new Map(retentionRules(consentMonthsAfterLeaving).map((rule) => [rule.record, rule]));
  const due: DueForReview[] = [];
  const consent = rules.get('consent')!;
  for (const pupil of await readAll((cursor) => stores.pupils.find({ limit: 500, ...(cursor ? { cursor } : {}) }))) {
    const facts = { createdAt: pupil.onRollFrom, ...(pupil.onRollTo ? { offRollOn: pupil.onRollTo } : {}) };
    if (isDue(consent, facts, today))
      due.push({ record: 'consent', recordId: pupil.id, reviewedBy: consent.reviewedBy, due: reviewDue(consent, facts) });
  }
  const requests = rules.get('accessRequest')!;
  for (const request of await readAll((cursor) => stores.accessRequests.find({ limit: 500, ...(cursor ? { cursor } : {}) }))) {
    const facts = { createdAt: request.submittedAt };
    if (isDue(requests, facts, today))
      due.push({ record: 'accessRequest', recordId: request.id, reviewedBy: requests.reviewedBy, due: reviewDue(requests, facts) });
  }
  const incidents = rules.get('incident')!;
  for (const incident of await readAll((cursor) => stores.incidents.find({ limit: 500, ...(cursor ? { cursor } : {}) }))) {
    const facts = { createdAt: incident.reportedAt };
    if (isDue(incidents, facts, today))
      due.push({
        record: 'incident',
        recordId: incident.id,
        reviewedBy: incidents.reviewedBy,
        due: reviewDue(incidents, facts),
        seenBy: { aboutHeadteacher: incident.aboutHeadteacher, ...(incident.assigneeId ? { assigneeId: incident.assigneeId } : {}) },
      });
  }
  // A leaver's file sent on: the receiving school keeps the file; this school keeps the record that it was sent.
  const transfers = rules.get('transferRecord')!;
  for (const transfer of await readAll((cursor) =>
    stores.pupilTransfers.find({ where: { status: 'sent' }, limit: 500, ...(cursor ? { cursor } : {}) }),
  )) {
    const facts = { createdAt: transfer.sent!.on };
    if (isDue(transfers, facts, today))
      due.push({ record: 'transferRecord', recordId: transfer.id, reviewedBy: transfers.reviewedBy, due: reviewDue(transfers, facts) });
  }
  return due;
}
