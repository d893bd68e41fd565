import type { Request, Response, Server } from 'restify';
import type { Announce } from '../../app/reminders/announce';
import { listRequests } from '../../app/requests/view-request';
import type { Person } from '../../domain/people/person';
import { ROLE_LABELS } from '../../domain/people/role';
import { may } from '../../domain/authorization/permissions';
import { z } from 'zod';
import { exportAuditLog } from '../../app/export-audit-log';
import { classConsent } from '../../app/class-consent';
import { consentHistory, recordConsent } from '../../app/record-consent';
import type { PupilImportJobs } from '../../app/pupil-import-jobs';
import { allPupils } from '../../app/read-all';
import type { ActingAsUser } from '../../ports/acting-as-user.port';
import type { ApiIdentity } from './api-identity';
import { badRequest, send, answerFailure, refuse } from './api-refusal';
import { registerConsentAdminRoutes } from './consent-admin-routes';
import { toCsv } from './csv';
import { registerIncidentRoutes } from './incident-routes';
import { registerIncidentPupilRoutes } from './incident-pupil-routes';
import type { EvidenceDeps } from '../../app/incident-evidence';
import { registerIncidentEvidenceRoutes } from './incident-evidence-routes';
import { registerPolicyLibraryRoutes } from './policy-library-routes';
import type { PolicyFiles } from '../../app/policies/policy-files';
import { registerIncidentTransferRoutes } from './incident-transfer-routes';
import { registerSettingsRoutes } from './settings-routes';
import { registerSocialAccountRoutes } from './social-account-routes';
import { registerDeviceRoutes } from './device-routes';
import { registerPostingMediaRoutes } from './posting-media-routes';
import type { MediaRouteDeps } from './posting-media-routes';
import { registerRequestStepRoutes } from './request-step-routes';
import { accessSummary } from './access-presenter';
import { registerUnblockRoutes } from './unblock-routes';
import { registerWaitingRoutes } from './waiting-routes';
import { registerGovernanceRoutes } from './governance-routes';
import { today } from '../../domain/calendar/zoned-time';
import { currentClasses } from '../../domain/school/pupil';
import { seesAny } from '../../app/incident-log';
import type { Me } from '../../contracts/me';
import type { AccessRequestPage } from '../../contracts/access-requests';
import { refusal } from '../refusals';

/** The tabs' API. Every route identifies the caller first; the use cases decide what they see. */
/** Graph as the signed-in person: the app registration's client id (for the consent pop-up) and the exchange. */
export interface UserGraph {
  clientId: string;
  actAs(userToken: string): ActingAsUser;
}

export function registerApiRoutes(
  server: Server,
  deps: EvidenceDeps & { announce: Announce; policyFiles: PolicyFiles },
  identify: ApiIdentity,
  personasEnabled: boolean,
  importJobs: PupilImportJobs,
  media: MediaRouteDeps,
  userGraph?: UserGraph,
): void {
  /**
   * Answers 401/403 for callers who are not signed in or unknown, and hands on the person
   * otherwise (with Graph as that person, when SSO allows it).
   */
  const signedIn =
    (handler: (person: Person, req: Request, res: Response, asUser?: ActingAsUser) => Promise<void>) =>
    // restify 11 insists that two-argument handlers are real async functions.
    async (req: Request, res: Response) => {
      try {
        const caller = await identify(req);
        if (!('person' in caller)) return refuse(res, caller.refused);
        await handler(caller.person, req, res, caller.userToken && userGraph ? userGraph.actAs(caller.userToken) : undefined);
      } catch (error) {
        answerFailure(res, error, deps.log, req.getRoute()?.path?.toString() ?? 'route');
      }
    };

  registerIncidentRoutes(server, deps, signedIn);
  registerIncidentPupilRoutes(server, deps, signedIn);
  registerIncidentEvidenceRoutes(server, deps, signedIn);
  registerPolicyLibraryRoutes(server, deps, signedIn);
  registerIncidentTransferRoutes(server, deps, signedIn);

  server.get(
    '/api/me',
    signedIn(async (person, req, res) => {
      const personas = personasEnabled
        ? (await deps.directory.everyone()).map((other) => ({
            id: other.id,
            displayName: other.displayName,
            roles: other.roles.map((role) => ROLE_LABELS[role]),
          }))
        : [];
      // `can` only shapes what the tab offers; every route checks again on the server.
      const can: Me['can'] = {
        seeConsent: may(person, 'consent.viewClass'),
        recordConsent: may(person, 'consent.record'),
        importPupils: may(person, 'pupils.import'),
        exportConsent: may(person, 'consent.export'),
        seeAccounts: may(person, 'socialAccount.view'),
        manageAccounts: may(person, 'socialAccount.manage'),
        seeSettings: may(person, 'settings.view'),
        seeReadiness: may(person, 'readiness.view'),
        seeGovernance: may(person, 'governance.view'),
        seeFilteringReview: may(person, 'filteringReview.view'),
        seeIncidents: await seesAny(deps, person),
        seePupilChronology: may(person, 'incident.pupilChronology'),
        transferPupilFiles: may(person, 'incident.transfer'),
        seeDevices: may(person, 'device.view'),
        manageDevices: may(person, 'device.manage'),
        seeUnblocks: may(person, 'accessRequest.viewAll'),
      };
      const me: Me = {
        id: person.id,
        displayName: person.displayName,
        roles: person.roles.map((role) => ROLE_LABELS[role]),
        can,
        localMode: personasEnabled,
        personas,
      };
      res.json(me);
    }),
  );

  server.get(
    '/api/access-requests',
    signedIn(async (person, req, res) => {
      const cursor = typeof req.query?.cursor === 'string' && /^\d{1,12}$/.test(req.query.cursor) ? req.query.cursor : undefined;
      const page = await listRequests(deps, 'accessRequest', person, { limit: 25, ...(cursor ? { cursor } : {}) });
      const answer: AccessRequestPage = { items: page.items.map((request) => accessSummary(request, person)), next: page.next ?? null };
      res.json(answer);
    }),
  );

  server.post(
    '/api/consent',
    signedIn(async (person, req, res) => {
      const body = consentBody.safeParse(req.body);
      if (!body.success) {
        return badRequest(
          res,
          'Send {"pupilId", "media": "images"|"videos", "decision": "given"|"refused", "effectiveFrom": "YYYY-MM-DD", "source": "consent form"|"written notice"}.',
          body.error.issues,
        );
      }
      const result = await recordConsent(deps, person, body.data);
      if (result.status === 'not-permitted') return refuse(res, 403, refusal(result));
      if (result.status === 'invalid') {
        return send(res, 422, { error: result.message });
      }
      send(res, 201, {
        event: result.event,
        takedowns: result.takedowns.map((task) => ({
          id: task.id,
          link: task.link,
          media: task.media,
          status: task.status,
          urgent: task.urgent === true,
        })),
        takedownsPending: result.takedownsPending,
      });
    }),
  );

  server.get(
    '/api/consent',
    signedIn(async (person, req, res) => {
      const className = typeof req.query?.className === 'string' ? req.query.className.slice(0, 20) : '';
      const result = await classConsent(deps, person, className, today(deps.clock));
      if (result.status === 'not-permitted') return refuse(res, 403, refusal(result));
      send(res, result.status === 'unknown-class' ? 404 : 200, result);
    }),
  );

  server.get(
    '/api/classes',
    signedIn(async (person, req, res) => {
      if (!may(person, 'consent.viewClass')) return refuse(res, 403, 'Only staff can see the classes.');
      const pupils = await allPupils(deps.stores);
      res.json({ classes: currentClasses(pupils) });
    }),
  );

  server.get(
    '/api/pupils/:id/consent',
    signedIn(async (person, req, res) => {
      const result = await consentHistory(deps, person, String(req.params.id ?? ''));
      if (result.status === 'not-permitted') return refuse(res, 403, refusal(result));
      send(res, result.status === 'not-found' ? 404 : 200, result);
    }),
  );

  registerSocialAccountRoutes(server, deps, signedIn, userGraph?.clientId);
  registerDeviceRoutes(server, deps, signedIn);
  registerPostingMediaRoutes(server, deps, media, signedIn);
  registerSettingsRoutes(server, deps, signedIn);
  registerRequestStepRoutes(server, deps, signedIn);
  registerWaitingRoutes(server, deps, signedIn);
  registerGovernanceRoutes(server, deps, signedIn);
  registerUnblockRoutes(server, deps, signedIn);

  server.get(
    '/api/audit.csv',
    signedIn(async (person, req, res) => {
      const result = await exportAuditLog(deps, person);
      if (result.status === 'not-permitted') return refuse(res, 403, 'Only the headteacher can export the audit log.');
      const rows = result.entries.map((entry) => [
        entry.at,
        entry.actorName,
        entry.action,
        entry.recordType,
        entry.recordId,
        entry.summary,
      ]);
      res.setHeader('Content-Type', 'text/csv; charset=utf-8');
      res.setHeader('Content-Disposition', `attachment; filename="online-safety-desk-audit-${today(deps.clock)}.csv"`);
      res.setHeader('Cache-Control', 'no-store');
      res.sendRaw(200, toCsv(['When', 'Who', 'Action', 'Record type', 'Record', 'Summary'], rows));
    }),
  );

  registerConsentAdminRoutes(server, deps, signedIn, importJobs);
}

const consentBody = z.object({
  pupilId: z.string().regex(/^\d{1,12}$/),
  media: z.enum(['images', 'videos']),
  decision: z.enum(['given', 'refused']),
  effectiveFrom: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  source: z.enum(['consent form', 'written notice']),
});
