import type { Request, Response, Server } from 'restify';
import { filteringReviewFileName, filteringReviewPdf } from './files/filtering-review-pdf';
import { z } from 'zod';
import { closeReviewAction, recordFilteringReview, type ReviewDeps } from '../../app/governance/filtering-review-record';
import { may } from '../../domain/authorization/permissions';
import {
  actionStanding,
  GOVERNOR_ROLES,
  reviewActionReference,
  reviewTaskKey,
  SENIOR_LEADER_ROLES,
  type ReviewActionTask,
} from '../../domain/governance/filtering-review-record';
import { holds, type Person } from '../../domain/people/person';
import type { Role } from '../../domain/people/role';
import { OUTCOME_ANSWERS } from '../outcomes';
import { answerStep, type StepOutcome } from './step-answer';
import { filteringReviewPack, type DecidedRequest, type FilteringReviewPack } from '../../app/governance/filtering-review-pack';
import { governanceView, GOVERNANCE_MONTHS, type Governance } from '../../app/governance/governance-view';
import { currentSchool } from '../../app/settings/school-details';
import type {
  AccessDecision,
  FilteringReviewPackView,
  GovernanceView,
  PersonChoice,
  RecordedReviewView,
  ReviewActionView,
  TrainingGroup,
  UnblockedSite,
} from '../../contracts/governance';
import type { GroupSummary } from '../../app/training/training-views';
import { schoolYearOf } from '../../domain/calendar/school-calendar';
import { accessReference } from '../../domain/access/access-request';
import { longDate } from '../../domain/calendar/dates';
import { localDate, today } from '../../domain/calendar/zoned-time';
import { CATEGORY_LABELS } from '../../domain/incidents/incident';
import { refusal } from '../refusals';
import { badRequest, refuse, send, type SignedIn } from './api-refusal';

/** The governors' page (`GET /api/governance`): the use case decides who may see it and what. */
export function registerGovernanceRoutes(server: Server, deps: ReviewDeps, signedIn: SignedIn): void {
  server.get(
    '/api/governance',
    signedIn(async (person, _req, res) => {
      res.setHeader('Cache-Control', 'no-store');
      const result = await governanceView(deps, person, today(deps.clock));
      if (result.status === 'not-permitted') return refuse(res, 403, refusal({ action: 'governance.view' }));
      send(res, 200, present(result, today(deps.clock)));
    }),
  );

  /** The pack as the tab shows it, or the answer that refuses it: the page and the PDF are the one view. */
  const packFor = async (person: Person, req: Request, res: Response): Promise<FilteringReviewPackView | undefined> => {
    res.setHeader('Cache-Control', 'no-store');
    const on = today(deps.clock);
    const years = recentYears(on);
    const year = typeof req.query?.year === 'string' ? req.query.year : years[0]!;
    const result = await filteringReviewPack(deps, person, year, on);
    if (result.status === 'not-permitted') return void refuse(res, 403, refusal({ action: 'filteringReview.view' }));
    if (result.status === 'invalid') return void send(res, 400, { error: `Choose a school year written like ${years[0]}.` });
    const canRecord = may(person, 'filteringReview.record');
    return {
      ...presentPack(result, years, (await currentSchool(deps.stores)).name, on),
      today: on,
      can: { record: canRecord },
      ...(canRecord ? { choices: choices(await deps.directory.everyone()) } : {}),
    };
  };

  server.get(
    '/api/filtering-review',
    signedIn(async (person, req, res) => {
      const pack = await packFor(person, req, res);
      if (pack) send(res, 200, pack);
    }),
  );

  server.get(
    '/api/filtering-review/pdf',
    signedIn(async (person, req, res) => {
      const pack = await packFor(person, req, res);
      if (!pack) return;
      const bytes = filteringReviewPdf(pack);
      res.status(200);
      res.setHeader('Content-Type', 'application/pdf');
      res.setHeader('Content-Length', String(bytes.length));
      res.setHeader('Content-Disposition', `attachment; filename="${filteringReviewFileName(pack.year)}"`);
      res.end(bytes);
    }),
  );

  server.post(
    '/api/filtering-review/record',
    signedIn(async (person, req, res) => {
      const body = recordBody.safeParse(req.body);
      if (!body.success)
        return badRequest(
          res,
          'Send {year, reviewedOn, seniorLeaderId, governorId, outcome, actions: [{description, assigneeId, due}], version?}.',
          body.error.issues,
        );
      const { year, version, ...input } = body.data;
      const result = await recordFilteringReview(deps, person, year, input, version);
      switch (result.status) {
        case 'not-permitted':
          return refuse(res, 403, refusal({ action: 'filteringReview.record' }));
        case 'invalid':
          return send(res, OUTCOME_ANSWERS.invalid.status, { error: Object.values(result.errors).join(' '), fields: result.errors });
        case 'stale':
          return send(res, OUTCOME_ANSWERS.stale.status, {
            error: `Someone else recorded the review for ${year} while you had it open, so yours was not saved yet. Their recording is shown; what you typed is kept: check it and record it again to add it.`,
          });
        case 'ok':
          deps.background.run('tell people of the actions agreed at the filtering review', async () => void (await result.announced));
          return send(res, 201, { version: result.review.version, actions: result.tasks.map((task) => reviewActionReference(task.id)) });
      }
    }),
  );

  server.post(
    '/api/review-actions/:id/steps',
    signedIn(async (person, req, res) => {
      const body = actionStepBody.safeParse(req.body);
      if (!body.success) return badRequest(res, 'Send {"verb": "done", "note", "version"}.', body.error.issues);
      const id = String(req.params.id ?? '');
      const result = /^\d{1,12}$/.test(id) ? await closeReviewAction(deps, person, id, body.data.note, body.data.version) : undefined;
      if (!result || result.status === 'not-found') return send(res, 404, { error: 'There is no such action from the filtering review.' });
      if (result.status === 'not-permitted') return refuse(res, 403, refusal({ action: 'filteringReview.closeAction' }));
      const outcome: StepOutcome<ReviewActionTask> =
        result.status === 'invalid'
          ? result
          : result.status === 'not-now'
            ? { status: 'not-now', message: 'This action was already marked done.', record: result.task }
            : { status: result.status, record: result.task };
      await answerStep(res, outcome, 'task', async (task) => ({
        id: task.id,
        reference: reviewActionReference(task.id),
        version: task.version,
        status: task.status,
        ...(task.done ? { done: { on: localDate(new Date(task.done.at)), note: task.done.note, by: task.done.byName } } : {}),
      }));
    }),
  );
}

const recordBody = z.object({
  year: z.string().max(10),
  reviewedOn: z.string().max(20),
  seniorLeaderId: z.string().max(100),
  governorId: z.string().max(100),
  outcome: z.string().max(20_000),
  actions: z.array(z.object({ description: z.string().max(5_000), assigneeId: z.string().max(100), due: z.string().max(20) })).max(100),
  version: z.number().int().min(1).optional(),
});

const actionStepBody = z.object({ verb: z.literal('done'), note: z.string().max(20_000), version: z.number().int().min(0) });

/** The people the form offers: senior leaders and governors to sign, anyone of the school to give an action to. */
function choices(people: readonly Person[]): NonNullable<FilteringReviewPackView['choices']> {
  const choice = (person: Person): PersonChoice => ({ id: person.id, name: person.displayName });
  const holding = (roles: readonly Role[]) => people.filter((person) => roles.some((role) => holds(person, role))).map(choice);
  return {
    seniorLeaders: holding(SENIOR_LEADER_ROLES),
    governors: holding(GOVERNOR_ROLES),
    everyone: people.map(choice).sort((a, b) => a.name.localeCompare(b.name)),
  };
}

function recordedView(pack: FilteringReviewPack, on: string): RecordedReviewView {
  if (!pack.recorded) return { entries: [] };
  const review = pack.recorded;
  const byKey = new Map(pack.tasks.map((task) => [task.taskKey, task]));
  return {
    version: review.version,
    entries: review.entries.map((entry, entryIndex) => ({
      reviewedOn: entry.reviewedOn,
      seniorLeader: entry.seniorLeader.name,
      governor: entry.governor.name,
      outcome: entry.outcome,
      recordedBy: entry.recordedByName,
      recordedOn: localDate(new Date(entry.recordedAt)),
      actions: entry.actions.map((action, actionIndex): ReviewActionView => {
        const task = byKey.get(reviewTaskKey(review.id, entryIndex, actionIndex));
        const standing = actionStanding(task ?? { status: 'open', due: action.due }, on);
        return {
          ...(task ? { reference: reviewActionReference(task.id) } : {}),
          description: task?.description ?? action.description,
          assignee: action.assigneeName,
          due: action.due,
          status: standing === 'done' ? 'done' : standing === 'overdue' ? 'overdue' : 'open',
          ...(task?.done ? { done: { on: localDate(new Date(task.done.at)), note: task.done.note, by: task.done.byName } } : {}),
        };
      }),
    })),
  };
}

/** This school year and the four before it, newest first. */
function recentYears(on: string): string[] {
  const first = Number(schoolYearOf(on).slice(0, 4));
  return [0, 1, 2, 3, 4].map((back) => `${first - back}-${String((first - back + 1) % 100).padStart(2, '0')}`);
}

function presentPack(
  pack: FilteringReviewPack,
  years: string[],
  schoolName: string,
  on: string,
): Omit<FilteringReviewPackView, 'today' | 'can' | 'choices'> {
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
    recorded: recordedView(pack, on),
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
