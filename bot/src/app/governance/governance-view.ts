import { may } from '../../domain/authorization/permissions';
import { breachIncidentKey, type TrackedTakedown } from '../../domain/consent/takedown';
import { inScope } from '../../domain/incidents/incident-visibility';
import type { AccessRequest } from '../../domain/access/access-request';
import { addMonths, type IsoDate } from '../../domain/calendar/dates';
import { localDate } from '../../domain/calendar/zoned-time';
import { governanceIncidentScope, seesExactCounts } from '../../domain/governance/governance-scope';
import { suppressSmallCounts, type ShownCount } from '../../domain/governance/small-counts';
import { holds, type Person } from '../../domain/people/person';
import { INCIDENT_CATEGORIES, type IncidentCategory } from '../../domain/incidents/incident';
import { reviewSchedule, type ScheduledReview } from '../../domain/reviews/review-schedule';
import type { Versioned } from '../../ports/collection.port';
import type { AppDeps } from '../app-deps';
import { countIncidents } from '../incident-summary';
import { boardReading, boardRequest } from './board-reading';
import { refuse, type NotPermitted } from '../incident-log';
import { readAll } from '../read-all';
import { readPolicies } from '../settings/policy-register';
import { trainingCompliance, type ComplianceRow } from '../training/training-compliance';
import { readTrainingSetup } from '../training/training-setup';
import { summariseGroups, type GroupSummary } from '../training/training-views';

/** The governors' page looks back this many months (the board's yearly review). */
export const GOVERNANCE_MONTHS = 12;

export interface Governance {
  smallCountsHidden: boolean;
  includesConcernsAboutHeadteacher: boolean;
  reviews: ScheduledReview[];
  training: GroupSummary[];
  ownTraining: ComplianceRow[];
  incidents: {
    byCategory: { category: IncidentCategory; count: ShownCount }[];
    byMonth: { month: string; count: ShownCount }[];
    total: ShownCount;
  };
  /** Sites the headteacher approved: waiting for ICT, or opened. */
  unblockedSites: UnblockedRequest[];
  postingRequests: { approved: number; refused: number; waiting: number };
  takedowns: { open: number; closed: number };
}

/**
 * What the governing board oversees (s.2, s.12), for governors, the chair and the headteacher:
 * the review schedule, training as counts, incidents as counts (hidden under 3 for governors;
 * concerns about the headteacher for the chair only), the sites unblocked with their reasons,
 * and requests to post and takedowns as counts. No pupil's or staff member's name, no incident.
 */
export async function governanceView(
  deps: AppDeps,
  person: Person,
  today: IsoDate,
): Promise<NotPermitted | ({ status: 'ok' } & Governance)> {
  if (!may(person, 'governance.view')) return refuse(deps, person, 'governance.view', '-', 'governance');
  const since = addMonths(today, -GOVERNANCE_MONTHS);
  const [policies, setup, accessRequests, postingRequests, takedowns] = await Promise.all([
    readPolicies(deps.stores),
    readTrainingSetup(deps.stores),
    readAll((cursor) => deps.stores.accessRequests.find({ limit: 500, ...(cursor ? { cursor } : {}) })),
    readAll((cursor) => deps.stores.postingRequests.find({ limit: 500, ...(cursor ? { cursor } : {}) })),
    readAll((cursor) => deps.stores.takedowns.find({ limit: 500, ...(cursor ? { cursor } : {}) })),
  ]);
  const [compliance, reading, countedTakedowns] = await Promise.all([
    trainingCompliance(deps, today, setup),
    boardReading(deps, person),
    takedownsCountedFor(
      deps,
      person,
      // Only the tasks the page counts are looked up: open, or closed in these months.
      takedowns.filter((task) => task.status === 'to do' || (task.updatedAt !== '' && localDate(new Date(task.updatedAt)) >= since)),
    ),
  ]);
  const decidedSince = (decision?: { signature: { at: string } }) =>
    decision !== undefined && localDate(new Date(decision.signature.at)) >= since;
  return {
    status: 'ok',
    smallCountsHidden: !seesExactCounts(person),
    includesConcernsAboutHeadteacher: holds(person, 'chairOfGovernors') && !holds(person, 'headteacher'),
    reviews: reviewSchedule(policies, today).map((review) =>
      review.lastCompleted
        ? {
            ...review,
            lastCompleted: { ...review.lastCompleted, byName: reading.staff(review.lastCompleted.byId, review.lastCompleted.byName) },
          }
        : review,
    ),
    training: summariseGroups(compliance),
    ownTraining: compliance.filter((row) => row.audience === 'staff' && row.subjectId === person.id),
    incidents: await incidentCounts(deps, person),
    unblockedSites: unblockedSites(accessRequests).map((request) => boardRequest(reading, request)),
    postingRequests: {
      approved: postingRequests.filter((request) => request.decision?.approved === true && decidedSince(request.decision)).length,
      refused: postingRequests.filter((request) => request.decision?.approved === false && decidedSince(request.decision)).length,
      waiting: postingRequests.filter((request) => request.state === 'withHeadteacher').length,
    },
    takedowns: {
      open: countedTakedowns.filter((task) => task.status === 'to do').length,
      // A closed task with no date of its own is not counted as closed in these months.
      closed: countedTakedowns.filter(
        (task) => task.status !== 'to do' && task.updatedAt !== '' && localDate(new Date(task.updatedAt)) >= since,
      ).length,
    },
  };
}

/**
 * The takedown tasks counted for this person: a task tied to an incident (the possible breach
 * opened for a post that went up without consent) is counted only for those whose counts include
 * that incident, as the incident counts are.
 */
async function takedownsCountedFor(
  deps: AppDeps,
  person: Person,
  takedowns: readonly Versioned<TrackedTakedown>[],
): Promise<Versioned<TrackedTakedown>[]> {
  const scope = governanceIncidentScope(person);
  const seen = await Promise.all(
    takedowns.map(async (task) => {
      const incident = (await deps.stores.incidents.find({ where: { submissionKey: breachIncidentKey(task.id) }, limit: 1 })).items[0];
      return !incident || inScope(incident, scope);
    }),
  );
  return takedowns.filter((_, index) => seen[index]);
}

export type UnblockedRequest = AccessRequest & { decision: NonNullable<AccessRequest['decision']> };

/** Sites the headteacher approved, newest first: opened, or waiting for the ICT technician to open them. */
export function unblockedSites(requests: readonly Versioned<AccessRequest>[]): Versioned<UnblockedRequest>[] {
  const unblocked = (request: Versioned<AccessRequest>): request is Versioned<UnblockedRequest> =>
    (request.state === 'approved' || request.state === 'unblocked') && request.decision?.approved === true;
  return requests.filter(unblocked).sort((a, b) => b.decision.signature.at.localeCompare(a.decision.signature.at));
}

async function incidentCounts(deps: AppDeps, person: Person): Promise<Governance['incidents']> {
  const { byCategory, byMonth, counted } = await countIncidents(deps, governanceIncidentScope(person), GOVERNANCE_MONTHS);
  const categoryCounts = INCIDENT_CATEGORIES.map((category) => byCategory[category]);
  if (seesExactCounts(person)) {
    return { byCategory: INCIDENT_CATEGORIES.map((category) => ({ category, count: byCategory[category] })), byMonth, total: counted.size };
  }
  const categories = suppressSmallCounts(categoryCounts, counted.size);
  const months = suppressSmallCounts(
    byMonth.map((entry) => entry.count),
    counted.size,
  );
  return {
    byCategory: INCIDENT_CATEGORIES.map((category, index) => ({ category, count: categories.counts[index]! })),
    byMonth: byMonth.map((entry, index) => ({ month: entry.month, count: months.counts[index]! })),
    total: categories.total ?? null,
  };
}
