import type { Server } from 'restify';
import type { AppDeps } from '../../app/app-deps';
import { filteringReviewPack, type DecidedRequest, type FilteringReviewPack } from '../../app/governance/filtering-review-pack';
import { governanceView, GOVERNANCE_MONTHS, type Governance } from '../../app/governance/governance-view';
import { currentSchool } from '../../app/settings/school-details';
import type { AccessDecision, FilteringReviewPackView, GovernanceView, TrainingGroup, UnblockedSite } from '../../contracts/governance';
import type { GroupSummary } from '../../app/training/training-views';
import { schoolYearOf } from '../../domain/calendar/school-calendar';
import { accessReference } from '../../domain/access/access-request';
import { longDate } from '../../domain/calendar/dates';
import { localDate, today } from '../../domain/calendar/zoned-time';
import { CATEGORY_LABELS } from '../../domain/incidents/incident';
import { refusal } from '../refusals';
import { refuse, send, type SignedIn } from './api-refusal';

/** The governors' page (`GET /api/governance`): the use case decides who may see it and what. */
export function registerGovernanceRoutes(server: Server, deps: AppDeps, signedIn: SignedIn): void {
  server.get(
    '/api/governance',
    signedIn(async (person, _req, res) => {
      res.setHeader('Cache-Control', 'no-store');
      const result = await governanceView(deps, person, today(deps.clock));
      if (result.status === 'not-permitted') return refuse(res, 403, refusal({ action: 'governance.view' }));
      send(res, 200, present(result, today(deps.clock)));
    }),
  );

  server.get(
    '/api/filtering-review',
    signedIn(async (person, req, res) => {
      res.setHeader('Cache-Control', 'no-store');
      const years = recentYears(today(deps.clock));
      const year = typeof req.query?.year === 'string' ? req.query.year : years[0]!;
      const result = await filteringReviewPack(deps, person, year, today(deps.clock));
      if (result.status === 'not-permitted') return refuse(res, 403, refusal({ action: 'filteringReview.view' }));
      if (result.status === 'invalid') return send(res, 400, { error: `Choose a school year written like ${years[0]}.` });
      send(res, 200, presentPack(result, years, (await currentSchool(deps.stores)).name));
    }),
  );
}

/** This school year and the four before it, newest first. */
function recentYears(on: string): string[] {
  const first = Number(schoolYearOf(on).slice(0, 4));
  return [0, 1, 2, 3, 4].map((back) => `${first - back}-${String((first - back + 1) % 100).padStart(2, '0')}`);
}

function presentPack(pack: FilteringReviewPack, years: string[], schoolName: string): FilteringReviewPackView {
  return {
    year: pack.year,
    from: pack.from,
    to: pack.to,
    years,
    schoolName,
    reviewers: pack.reviewers,
    decisions: pack.decisions.map(accessDecision),
    openUnblocks: pack.openUnblocks.map(unblockedSite),
    smallCountsHidden: pack.smallCountsHidden,
    incidents: pack.incidents.map(({ category, count, references }) => ({ category, label: CATEGORY_LABELS[category], count, references })),
    training: pack.training.map(trainingGroup),
    policies: pack.policies,
  };
}

function trainingGroup(group: GroupSummary): TrainingGroup {
  const everyone = group.upToDate + group.dueSoon + group.overdue;
  return { ...group, percentUpToDate: everyone === 0 ? 100 : Math.round((group.upToDate / everyone) * 100) };
}

function accessDecision(request: DecidedRequest): AccessDecision {
  const scope = scopeText(request);
  return {
    reference: accessReference(request.id),
    url: request.url,
    siteContent: request.siteContent,
    reasons: request.reasons,
    risksAndControls: request.risksAndControls,
    approved: request.decision.approved,
    decisionReasons: request.decision.reasons,
    decidedOn: localDate(new Date(request.decision.signature.at)),
    decidedBy: request.decision.signature.name,
    ...(scope ? { scope } : {}),
  };
}

function present(view: Governance, on: string): GovernanceView {
  return {
    today: on,
    smallCountsHidden: view.smallCountsHidden,
    includesConcernsAboutHeadteacher: view.includesConcernsAboutHeadteacher,
    reviews: view.reviews.map(({ policyTitle, reviewName, cycleMonths, nextReviewDue, standing, lastCompleted }) => ({
      policyTitle,
      reviewName,
      cycleMonths,
      nextReviewDue,
      standing,
      ...(lastCompleted ? { lastCompleted: { on: lastCompleted.on, byName: lastCompleted.byName } } : {}),
    })),
    training: view.training.map(trainingGroup),
    ownTraining: view.ownTraining.map((row) => ({
      requirementTitle: row.requirementTitle,
      status: row.status,
      ...(row.due ? { due: row.due } : {}),
      ...(row.lastCompletedOn ? { lastCompletedOn: row.lastCompletedOn } : {}),
    })),
    incidents: {
      months: GOVERNANCE_MONTHS,
      byCategory: view.incidents.byCategory.map(({ category, count }) => ({ category, label: CATEGORY_LABELS[category], count })),
      byMonth: view.incidents.byMonth,
      total: view.incidents.total,
    },
    unblockedSites: view.unblockedSites.map(unblockedSite),
    postingRequests: view.postingRequests,
    takedowns: view.takedowns,
  };
}

function unblockedSite(request: Governance['unblockedSites'][number]): UnblockedSite {
  const scope = scopeText(request);
  return {
    reference: accessReference(request.id),
    url: request.url,
    siteContent: request.siteContent,
    reasons: request.reasons,
    risksAndControls: request.risksAndControls,
    decisionReasons: request.decision.reasons,
    approvedOn: localDate(new Date(request.decision.signature.at)),
    approvedBy: request.decision.signature.name,
    ...(request.actioned ? { openedOn: localDate(new Date(request.actioned.signature.at)) } : {}),
    ...(scope ? { scope } : {}),
  };
}

/**
 * The period and the people a site was opened for, on requests that record them ("1 December 2026
 * to 18 December 2026, class 3B"); earlier requests have neither.
 */
function scopeText(request: object): string | undefined {
  const { period, scope } = request as { period?: { from?: unknown; to?: unknown }; scope?: { kind?: unknown; group?: unknown } };
  const parts: string[] = [];
  if (typeof period?.from === 'string')
    parts.push(
      typeof period.to === 'string' ? `${longDate(period.from)} to ${longDate(period.to)}` : `from ${longDate(period.from)}, no end date`,
    );
  if (typeof scope?.kind === 'string')
    parts.push(typeof scope.group === 'string' && scope.group ? `${scope.kind} ${scope.group}` : scope.kind);
  return parts.length > 0 ? parts.join(', ') : undefined;
}
