import type { Server } from 'restify';
import type { AppDeps } from '../../app/app-deps';
import { incidentRoster, pupilChronology } from '../../app/pupil-chronology';
import { STATUS_LABELS } from '../../domain/incidents/incident';
import { LINK_ROLE_LABELS } from '../../domain/incidents/incident-people';
import { send, type SignedIn } from './api-refusal';
import { may } from '../../domain/authorization/permissions';
import { transferOf } from '../../app/pupil-transfers';
import { TRANSFER_METHOD_LABELS } from './files/transfer-file';
import { deny } from './incident-routes';

/** Pupils in the Incidents tab: the roster to link them from, and one pupil's chronology across incidents. */
export function registerIncidentPupilRoutes(server: Server, deps: AppDeps, signedIn: SignedIn): void {
  server.get(
    '/api/incidents/roster',
    signedIn(async (person, _req, res) => {
      const result = await incidentRoster(deps, person);
      if (result.status === 'not-permitted') return deny(res);
      res.json({ pupils: result.pupils });
    }),
  );

  server.get(
    '/api/incidents/pupils/:pupilId',
    signedIn(async (person, req, res) => {
      const pupilId = String(req.params.pupilId ?? '');
      if (!/^\d{1,12}$/.test(pupilId)) return send(res, 404, { error: 'There is no such pupil on the roster.' });
      const result = await pupilChronology(deps, person, pupilId);
      if (result.status === 'not-permitted')
        return send(res, 403, {
          error: "Only the DSL, deputy DSLs, the headteacher and the chair of governors can see a pupil's chronology.",
        });
      if (result.status === 'not-found') return send(res, 404, { error: 'There is no such pupil on the roster.' });
      const { pupil, incidents, entries } = result;
      // "File transferred on … to …" only for those who may see transfers: that a file went says the pupil had concerns.
      const transfer = may(person, 'incident.transfer') ? await transferOf(deps, pupil.id) : undefined;
      res.json({
        transfer: transfer
          ? {
              status: transfer.status,
              sent: transfer.sent
                ? {
                    on: transfer.sent.on,
                    toSchool: transfer.sent.toSchool,
                    toDsl: transfer.sent.toDsl,
                    howLabel: TRANSFER_METHOD_LABELS[transfer.sent.how],
                  }
                : null,
            }
          : null,
        pupil: {
          id: pupil.id,
          displayName: pupil.displayName,
          className: pupil.className,
          yearGroup: pupil.yearGroup,
          onRollTo: pupil.onRollTo ?? null,
        },
        incidents: incidents.map((incident) => ({
          ...incident,
          statusLabel: STATUS_LABELS[incident.status],
          roleLabel: LINK_ROLE_LABELS[incident.role],
        })),
        entries: entries.map(({ id, at, byName, kind, text, incidentId, reference, role }) => ({
          id,
          at,
          byName,
          kind,
          text,
          incidentId,
          reference,
          roleLabel: LINK_ROLE_LABELS[role],
        })),
      });
    }),
  );
}
