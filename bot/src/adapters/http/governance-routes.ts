import type { Server } from 'restify';
import type { AppDeps } from '../../app/app-deps';
import { governanceView, GOVERNANCE_MONTHS, type Governance } from '../../app/governance/governance-view';
import type { GovernanceView, UnblockedSite } from '../../contracts/governance';
import { accessReference } from '../../domain/access/access-request';
import { longDate } from '../../domain/calendar/dates';
import { localDate, today } from '../../domain/calendar/zoned-time';
import { CATEGORY_LABELS } from '../../domain/incidents/incident';
import { refuse, send, type SignedIn } from './api-refusal';

const NOT_PERMITTED = 'The Governance page is for the governors, the chair of governors and the headteacher.';

/** The governors' page (`GET /api/governance`): the use case decides who may see it and what. */
export function registerGovernanceRoutes(server: Server, deps: AppDeps, signedIn: SignedIn): void {
  server.get('/api/governance', signedIn(async (person, _req, res) => {
    res.setHeader('Cache-Control', 'no-store');
    const result = await governanceView(deps, person, today(deps.clock));
    if (result.status === 'not-permitted') return refuse(res, 403, NOT_PERMITTED);
    send(res, 200, present(result, today(deps.clock)));
  }));
}

function present(view: Governance, on: string): GovernanceView {
  return {
    today: on,
    smallCountsHidden: view.smallCountsHidden,
    includesConcernsAboutHeadteacher: view.includesConcernsAboutHeadteacher,
    reviews: view.reviews.map(({ policyTitle, reviewName, cycleMonths, nextReviewDue, standing, lastCompleted }) => ({ policyTitle, reviewName, cycleMonths, nextReviewDue, standing, ...(lastCompleted ? { lastCompleted } : {}) })),
    training: view.training.map((group) => {
      const everyone = group.upToDate + group.dueSoon + group.overdue;
      return { ...group, percentUpToDate: everyone === 0 ? 100 : Math.round((group.upToDate / everyone) * 100) };
    }),
    ownTraining: view.ownTraining.map((row) => ({ requirementTitle: row.requirementTitle, status: row.status, ...(row.due ? { due: row.due } : {}), ...(row.lastCompletedOn ? { lastCompletedOn: row.lastCompletedOn } : {}) })),
    incidents: { months: GOVERNANCE_MONTHS, byCategory: view.incidents.byCategory.map(({ category, count }) => ({ category, label: CATEGORY_LABELS[category], count })), byMonth: view.incidents.byMonth, total: view.incidents.total },
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
  if (typeof period?.from === 'string') parts.push(typeof period.to === 'string' ? `${longDate(period.from)} to ${longDate(period.to)}` : `from ${longDate(period.from)}, no end date`);
  if (typeof scope?.kind === 'string') parts.push(typeof scope.group === 'string' && scope.group ? `${scope.kind} ${scope.group}` : scope.kind);
  return parts.length > 0 ? parts.join(', ') : undefined;
}
