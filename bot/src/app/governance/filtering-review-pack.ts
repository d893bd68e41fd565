import { may } from '../../domain/authorization/permissions';
import type { AccessRequest } from '../../domain/access/access-request';
import { schoolYearSpan } from '../../domain/calendar/school-calendar';
import { localDate } from '../../domain/calendar/zoned-time';
import type { IsoDate } from '../../domain/calendar/dates';
import { governanceIncidentScope, seesExactCounts } from '../../domain/governance/governance-scope';
import { suppressSmallCounts, type ShownCount } from '../../domain/governance/small-counts';
import { incidentReference, type IncidentCategory } from '../../domain/incidents/incident';
import { canSeeIncident } from '../../domain/incidents/incident-visibility';
import type { Person } from '../../domain/people/person';
import { latestApproval } from '../../domain/school/policy-document';
import type { Versioned } from '../../ports/collection.port';
import type { AppDeps } from '../app-deps';
import { refuse, type NotPermitted } from '../incident-log';
import { readAll } from '../read-all';
import { readPolicies } from '../settings/policy-register';
import { trainingCompliance } from '../training/training-compliance';
import { readTrainingSetup } from '../training/training-setup';
import { summariseGroups, type GroupSummary } from '../training/training-views';
import type { FilteringReviewRecord, ReviewActionTask } from '../../domain/governance/filtering-review-record';
import { boardReading, boardRequest } from './board-reading';
import { recordedReview } from './filtering-review-record';
import { unblockedSites, type UnblockedRequest } from './governance-view';

/** The incidents the standards ask the review to look at: harmful content reached on school equipment, and getting round the filter. */
export const FILTERING_CATEGORIES = ['contentOnSchoolEquipment', 'firewallCircumvention'] as const satisfies readonly IncidentCategory[];

export type DecidedRequest = AccessRequest & { decision: NonNullable<AccessRequest['decision']> };

export interface FilteringReviewPack {
  year: string;
  from: IsoDate;
  to: IsoDate;
  /** The senior leader and the governor named in School settings (empty until they are). */
  reviewers: { lead: string; governor: string };
  /** Every request to open a site decided in the year, approved or refused, oldest first. */
  decisions: Versioned<DecidedRequest>[];
  /** Sites open now (approved, opened or waiting for ICT), whenever they were decided. */
  openUnblocks: Versioned<UnblockedRequest>[];
  smallCountsHidden: boolean;
  /** Per category: the count, and the references of the incidents this person may open. */
  incidents: { category: (typeof FILTERING_CATEGORIES)[number]; count: ShownCount; references: string[] }[];
  training: GroupSummary[];
  /** The policies in force with their latest approval and their next review. */
  policies: { title: string; approvedOn?: IsoDate; nextReviewDue?: IsoDate }[];
  /** The review as recorded for the year (pupils' names taken out of what was written), and its actions' tasks. */
  recorded?: Versioned<FilteringReviewRecord>;
  tasks: Versioned<ReviewActionTask>[];
}

/**
 * The pack for the annual filtering and monitoring review (DfE filtering and monitoring
 * standards), for a school year (`2025-26`): what was blocked or allowed and why, what is open
 * now, the incidents filtering should have stopped, training, and the policies in force.
 */
export async function filteringReviewPack(
  deps: AppDeps,
  person: Person,
  year: string,
  today: IsoDate,
): Promise<NotPermitted | { status: 'invalid' } | ({ status: 'ok' } & FilteringReviewPack)> {
  if (!may(person, 'filteringReview.view')) return refuse(deps, person, 'filteringReview.view', year, 'filteringReview');
  const span = schoolYearSpan(year);
  if (!span) return { status: 'invalid' };
  const [school, requests, policies, setup] = await Promise.all([
    deps.stores.school.find({ limit: 1 }),
    readAll((cursor) => deps.stores.accessRequests.find({ limit: 500, ...(cursor ? { cursor } : {}) })),
    readPolicies(deps.stores),
    readTrainingSetup(deps.stores),
  ]);
  const decidedIn = (request: Versioned<AccessRequest>): request is Versioned<DecidedRequest> => {
    const day = request.decision ? localDate(new Date(request.decision.signature.at)) : '';
    return day >= span.from && day <= span.to;
  };
  const stored = school.items[0];
  const [reading, recorded] = await Promise.all([boardReading(deps, person), recordedReview(deps, year)]);
  const tasks = recorded
    ? await readAll((cursor) =>
        deps.stores.reviewActions.find({ where: { reviewId: recorded.id }, limit: 200, ...(cursor ? { cursor } : {}) }),
      )
    : [];
  return {
    status: 'ok',
    year,
    ...span,
    reviewers: { lead: stored?.filteringLead ?? '', governor: stored?.filteringGovernor ?? '' },
    decisions: requests
      .filter(decidedIn)
      .sort((a, b) => a.decision.signature.at.localeCompare(b.decision.signature.at))
      .map((request) => boardRequest(reading, request)),
    openUnblocks: unblockedSites(requests).map((request) => boardRequest(reading, request)),
    smallCountsHidden: !seesExactCounts(person),
    incidents: await filteringIncidents(deps, person, span),
    training: summariseGroups(await trainingCompliance(deps, today, setup)),
    policies: policies
      .filter((policy) => !policy.retiredOn)
      .map((policy) => {
        const approvedOn = latestApproval(policy)?.approvedOn;
        const nextReviewDue = policy.reviews.map((review) => review.nextReviewDue).sort()[0];
        return { title: policy.title, ...(approvedOn ? { approvedOn } : {}), ...(nextReviewDue ? { nextReviewDue } : {}) };
      }),
    ...(recorded
      ? {
          recorded: {
            ...recorded,
            entries: recorded.entries.map((entry) => ({
              ...entry,
              outcome: reading.text(entry.outcome),
              actions: entry.actions.map((action) => ({ ...action, description: reading.text(action.description) })),
            })),
          },
        }
      : {}),
    tasks: tasks.map((task) => ({
      ...task,
      description: reading.text(task.description),
      ...(task.done ? { done: { ...task.done, note: reading.text(task.done.note) } } : {}),
    })),
  };
}

async function filteringIncidents(
  deps: AppDeps,
  person: Person,
  span: { from: IsoDate; to: IsoDate },
): Promise<FilteringReviewPack['incidents']> {
  const found = await Promise.all(
    FILTERING_CATEGORIES.map((category) =>
      readAll(async (cursor) => {
        const offset = Number(cursor ?? 0);
        const page = await deps.stores.incidents.search({
          category,
          from: span.from,
          to: span.to,
          scope: governanceIncidentScope(person),
          offset,
          limit: 500,
          sort: 'reportedAt',
          descending: false,
        });
        return {
          items: page.items,
          ...(offset + page.items.length < page.total && page.items.length > 0 ? { next: String(offset + page.items.length) } : {}),
        };
      }),
    ),
  );
  const counts = found.map((incidents) => incidents.length);
  // No total is shown, so only the small counts themselves are hidden.
  const shown = seesExactCounts(person) ? { counts } : suppressSmallCounts(counts);
  return FILTERING_CATEGORIES.map((category, index) => ({
    category,
    count: shown.counts[index]!,
    references: found[index]!.filter((incident) => canSeeIncident(person, incident)).map((incident) => incidentReference(incident.id)),
  }));
}
