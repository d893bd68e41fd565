import { isDue, retentionRules, reviewDue, type RetainedRecord, type RetentionRule } from '../domain/retention/retention-rules';
import type { Stores } from '../ports/stores.port';

export interface DueForReview {
  record: RetainedRecord;
  recordId: string;
  reviewedBy: RetentionRule['reviewedBy'];
  /** The review date, or `unknown` when a fact the rule needs is missing. */
  due: string;
}

/** Bounds the scan of one list; a school's lists are far smaller. */
const MAX_ITEMS = 100_000;

/**
 * The monthly retention review: every record whose keeping period is over, for its owner to
 * review. Nothing is deleted. Incidents join when they exist (issue #6).
 */
export async function reviewRetention(stores: Pick<Stores, 'pupils' | 'accessRequests'>, today: string, consentMonthsAfterLeaving: number): Promise<DueForReview[]> {
  const rules = new Map(retentionRules(consentMonthsAfterLeaving).map((rule) => [rule.record, rule]));
  const due: DueForReview[] = [];
  const consent = rules.get('consent')!;
  for (const pupil of await everything(stores.pupils)) {
    const facts = { createdAt: pupil.onRollFrom, ...(pupil.onRollTo ? { offRollOn: pupil.onRollTo } : {}) };
    if (isDue(consent, facts, today)) due.push({ record: 'consent', recordId: pupil.id, reviewedBy: consent.reviewedBy, due: reviewDue(consent, facts) });
  }
  const requests = rules.get('accessRequest')!;
  for (const request of await everything(stores.accessRequests)) {
    const facts = { createdAt: request.submittedAt };
    if (isDue(requests, facts, today)) due.push({ record: 'accessRequest', recordId: request.id, reviewedBy: requests.reviewedBy, due: reviewDue(requests, facts) });
  }
  return due;
}

async function everything<T>(collection: { find(query: { limit: number; cursor?: string }): Promise<{ items: T[]; next?: string }> }): Promise<T[]> {
  const all: T[] = [];
  let cursor: string | undefined;
  do {
    const page = await collection.find({ limit: 500, ...(cursor ? { cursor } : {}) });
    all.push(...page.items);
    cursor = page.next;
  } while (cursor && all.length < MAX_ITEMS);
  return all;
}
