import type { Request, Response, Server } from 'restify';
import { z } from 'zod';
import type { TrainingOverview } from '../../contracts/training';
import type { AppDeps } from '../../app/app-deps';
import type { BackgroundTasks } from '../../app/background-tasks';
import type { Announce } from '../../app/reminders/announce';
import { recordPolicyReview } from '../../app/training/record-policy-review';
import { decideTrainingClaim, logOwnTraining, recordTrainingSession } from '../../app/training/record-training';
import { trainingHistory, trainingOverview } from '../../app/training/training-views';
import { requireRefresher } from '../../app/training/require-refresher';
import { readAll } from '../../app/read-all';
import { readPolicies } from '../../app/settings/policy-register';
import { readTrainingSetup } from '../../app/training/training-setup';
import { latestApproval, type PolicyDocument } from '../../domain/school/policy-document';
import { may } from '../../domain/authorization/permissions';
import { localDate } from '../../domain/calendar/zoned-time';
import type { Person } from '../../domain/people/person';
import type { ApiIdentity } from './api-identity';
import { badRequest, send, answerFailure } from './api-refusal';
import { toCsv } from './csv';
import { refusal } from '../refusals';

export interface TrainingRouteDeps {
  announce: Announce;
}

const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const sessionBody = z.object({
  requirementId: z.string().min(1).max(80),
  completedOn: date,
  evidence: z.string().max(1000),
  subjectIds: z.array(z.string().min(1).max(40)).min(1).max(2000),
  attendees: z.array(z.string().max(120)).max(500).optional(),
});
const ownBody = z.object({ completedOn: date, evidence: z.string().max(1000) });
const decisionBody = z.object({ decision: z.enum(['confirm', 'reject']), reason: z.string().max(2000).optional() });
const reviewBody = z.object({ reviewId: z.string().regex(/^review-\d{1,3}$/), reviewedOn: date });
const refresherBody = z.object({
  title: z.string().max(200),
  audience: z.enum(['staff', 'pupils', 'parents']),
  group: z.string().max(40),
  dueOn: date,
});

/** The Training tab's API (s.11, s.12). Every route identifies the caller; the use cases check the permissions table. */
export function registerTrainingRoutes(
  server: Server,
  deps: AppDeps,
  identify: ApiIdentity,
  training: TrainingRouteDeps,
  background: BackgroundTasks,
): void {
  const signedIn = (handler: (person: Person, req: Request, res: Response) => Promise<void>) => async (req: Request, res: Response) => {
    try {
      const caller = await identify(req);
      if (!('person' in caller))
        return fail(
          res,
          caller.refused,
          caller.refused === 401
            ? 'Sign in through Microsoft Teams to use Online Safety Desk.'
            : 'Online Safety Desk does not know you yet. Ask your school office to add you.',
        );
      await handler(caller.person, req, res);
    } catch (error) {
      answerFailure(res, error, deps.log, req.getRoute()?.path?.toString() ?? 'training route');
    }
  };
  const today = () => localDate(deps.clock.now());
  const announceLater = (deps2: AppDeps) => ({ ...deps2, announce: training.announce });

  server.get(
    '/api/training',
    signedIn(async (person, _req, res) => {
      const overview = await trainingOverview(deps, person, today(), await readTrainingSetup(deps.stores));
      const can = {
        seeEveryone: overview.everyone,
        record: may(person, 'training.record'),
        confirm: may(person, 'training.confirm') || overview.awaitingConfirmation.length > 0,
        recordReview: may(person, 'policy.recordReview'),
        logOwn: may(person, 'training.logOwn'),
        requireRefresher: may(person, 'training.requireRefresher'),
      };
      const policies =
        overview.everyone || can.recordReview
          ? (await readPolicies(deps.stores)).filter((policy) => !policy.retiredOn && policy.reviews.length > 0).map(policyReviews)
          : [];
      const answer: TrainingOverview = {
        ...overview,
        can,
        policies,
        today: today(),
        people: can.record
          ? (await deps.directory.everyone())
              .filter((p) => p.roles.includes('staff'))
              .map((p) => ({ id: p.id, displayName: p.displayName }))
          : [],
      };
      res.json(answer);
    }),
  );

  server.get(
    '/api/training/history/:subjectId',
    signedIn(async (person, req, res) => {
      const result = await trainingHistory(deps, person, String(req.params.subjectId ?? '').slice(0, 40));
      if (result.status === 'not-permitted') return fail(res, 403, 'You can see your own training only.');
      res.json(result);
    }),
  );

  server.get(
    '/api/training.csv',
    signedIn(async (person, _req, res) => {
      if (!may(person, 'training.viewAll'))
        return fail(res, 403, 'Only the online safety lead, the headteacher or the DSL can export training records.');
      const records = await readAll((cursor) => deps.stores.trainingRecords.find({ limit: 500, ...(cursor ? { cursor } : {}) }));
      const rows = records.map((r) => [
        r.audience,
        r.subjectName,
        r.requirementId,
        r.completedOn,
        r.status,
        r.evidence,
        (r.attendees ?? []).join('; '),
        r.recordedByName,
        r.recordedAt,
        r.confirmedByName ?? '',
      ]);
      res.setHeader('Content-Type', 'text/csv; charset=utf-8');
      res.setHeader('Content-Disposition', `attachment; filename="online-safety-training-${today()}.csv"`);
      res.setHeader('Cache-Control', 'no-store');
      res.sendRaw(
        200,
        toCsv(
          ['Audience', 'Who', 'Training', 'Completed on', 'Status', 'Evidence', 'Attended', 'Recorded by', 'Recorded at', 'Confirmed by'],
          rows,
        ),
      );
    }),
  );

  server.post(
    '/api/training/sessions',
    signedIn(async (person, req, res) => {
      const body = sessionBody.safeParse(req.body);
      if (!body.success)
        return badRequest(
          res,
          'Send {"requirementId", "completedOn": "YYYY-MM-DD", "evidence", "subjectIds": [...], "attendees"?: [...]}.',
          body.error.issues,
        );
      const result = await recordTrainingSession(announceLater(deps), person, body.data);
      if (result.status === 'not-permitted') return fail(res, 403, refusal(result));
      if (result.status === 'invalid') return unprocessable(res, result.message);
      send(res, 201, { recorded: result.records.length });
    }),
  );

  server.post(
    '/api/training/mine',
    signedIn(async (person, req, res) => {
      const body = ownBody.safeParse(req.body);
      if (!body.success) return badRequest(res, 'Send {"completedOn": "YYYY-MM-DD", "evidence"}.', body.error.issues);
      const result = await logOwnTraining(announceLater(deps), person, body.data);
      if (result.status === 'not-permitted') return fail(res, 403, refusal(result));
      if (result.status === 'invalid') return unprocessable(res, result.message);
      send(res, 201, { record: result.record });
    }),
  );

  server.post(
    '/api/training/records/:id/decision',
    signedIn(async (person, req, res) => {
      const body = decisionBody.safeParse(req.body);
      if (!body.success) return badRequest(res, 'Send {"decision": "confirm" | "reject"}.', body.error.issues);
      const result = await decideTrainingClaim(
        announceLater(deps),
        person,
        String(req.params.id ?? ''),
        body.data.decision === 'confirm',
        body.data.reason,
      );
      if (result.status === 'not-permitted') return fail(res, 403, refusal(result));
      if (result.status === 'invalid') return unprocessable(res, result.message);
      res.json({ record: result.record, alreadyDecided: result.alreadyDecided });
    }),
  );

  server.post(
    '/api/training/refreshers',
    signedIn(async (person, req, res) => {
      const body = refresherBody.safeParse(req.body);
      if (!body.success)
        return badRequest(
          res,
          'Send {"title", "audience": "staff"|"pupils"|"parents", "group": "all" or a class, "dueOn": "YYYY-MM-DD"}.',
          body.error.issues,
        );
      const result = await requireRefresher(deps, person, body.data);
      if (result.status === 'not-permitted') return fail(res, 403, refusal(result));
      if (result.status === 'invalid') return unprocessable(res, result.message);
      send(res, 201, { refresher: result.refresher });
    }),
  );

  server.post(
    '/api/policies/:id/review',
    signedIn(async (person, req, res) => {
      const body = reviewBody.safeParse(req.body);
      if (!body.success) return badRequest(res, 'Send {"reviewId": "review-1", "reviewedOn": "YYYY-MM-DD"}.', body.error.issues);
      const result = await recordPolicyReview(
        announceLater(deps),
        person,
        String(req.params.id ?? ''),
        body.data.reviewId,
        body.data.reviewedOn,
      );
      if (result.status === 'not-permitted') return fail(res, 403, refusal(result));
      if (result.status === 'invalid') return unprocessable(res, result.message);
      // Telling all staff goes on after the answer, as other background work does (and is waited for at shutdown).
      background.run('announce a policy review', async () => void (await result.announced));
      res.json({ policy: policyReviews(result.policy), nextReviewDue: result.nextReviewDue, staffTold: result.staffTold });
    }),
  );
}

function fail(res: Response, status: 401 | 403, message: string): void {
  send(res, status, { error: message });
}

function unprocessable(res: Response, message: string): void {
  send(res, 422, { error: message });
}

/** A policy as the Training tab lists it for recording reviews: its latest approval and each review's next date. */
function policyReviews(policy: PolicyDocument) {
  return {
    id: policy.id,
    title: policy.title,
    approvedOn: latestApproval(policy)?.approvedOn,
    reviews: policy.reviews.map(({ id, name, nextReviewDue }) => ({ id, name, nextReviewDue })),
  };
}
