import type { Request, Response, Server } from 'restify';
import { z } from 'zod';
import { actOnIncident } from '../../app/act-on-incident';
import type { IncidentDeps } from '../../app/incident-deps';
import { exportIncidents, incidentDetail, lateness, listIncidents, type IncidentDetail } from '../../app/incident-log';
import { incidentSummary } from '../../app/incident-summary';
import { markLabel } from '../../domain/incidents/body-map';
import {
  CATEGORY_LABELS,
  INCIDENT_CATEGORIES,
  INCIDENT_STATUSES,
  incidentReference,
  INVOLVED_LABELS,
  STATUS_LABELS,
  WHERE_LABELS,
  type Incident,
} from '../../domain/incidents/incident';
import { LINK_ROLE_LABELS } from '../../domain/incidents/incident-people';
import { EVIDENCE_FORMATS, type EvidenceFile } from '../../domain/incidents/incident-evidence';
import { INCIDENT_SORTS, type IncidentFilter } from '../../domain/incidents/incident-query';
import { ROLE_LABELS, ROLES } from '../../domain/people/role';
import { toCsv } from './csv';
import { badRequest, send, type SignedIn } from './api-refusal';
import { parseStep } from './incident-step-schema';
import { today } from '../../domain/calendar/zoned-time';
import type { IncidentDetail as IncidentDetailJson, IncidentRow, Summary } from '../../contracts/incidents';

export const DENIED = 'Only the DSL, deputy DSLs and the headteacher can see the incident log.';
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const filterSchema = z.object({
  status: z.enum(INCIDENT_STATUSES).optional(),
  category: z.enum(INCIDENT_CATEGORIES).optional(),
  routedTo: z.enum(ROLES).optional(),
  from: day.optional(),
  to: day.optional(),
  q: z.string().max(200).optional(),
  sort: z.enum(INCIDENT_SORTS).optional(),
  dir: z.enum(['asc', 'desc']).optional(),
  late: z.enum(['1']).optional(),
  offset: z.coerce.number().int().min(0).max(1_000_000).optional(),
});

/** The Incidents tab's API. The use cases check role and visibility; these routes only translate. */
export function registerIncidentRoutes(server: Server, deps: IncidentDeps, signedIn: SignedIn): void {
  /** Rows as the tab lists them, each saying what is past its timescales now. */
  const rowsNow = async () => {
    const late = await lateness(deps);
    return (incident: Incident) =>
      toRow(
        incident,
        late(incident).map((problem) => problem.text),
      );
  };

  server.get(
    '/api/incidents',
    signedIn(async (person, req, res) => {
      const filter = parseFilter(req, res);
      if (!filter) return;
      const result = await listIncidents(deps, person, filter, { offset: filter.offset, limit: 50 });
      if (result.status === 'not-permitted') return deny(res);
      res.json({ total: result.total, offset: filter.offset, items: result.items.map(await rowsNow()) });
    }),
  );

  server.get(
    '/api/incidents.csv',
    signedIn(async (person, req, res) => {
      const filter = parseFilter(req, res);
      if (!filter) return;
      const result = await exportIncidents(deps, person, filter);
      if (result.status === 'not-permitted') return deny(res);
      const rows = result.items.map((incident) => [
        incidentReference(incident.id),
        incident.reportedAt,
        incident.occurredOn,
        CATEGORY_LABELS[incident.category],
        INVOLVED_LABELS[incident.involved],
        WHERE_LABELS[incident.where],
        incident.platform,
        incident.whatHappened,
        ROLE_LABELS[incident.routedTo],
        incident.assigneeName ?? '',
        STATUS_LABELS[incident.status],
        incident.cpomsReference ?? '',
        incident.police ? (incident.police.contacted ? 'yes' : 'no') : '',
        incident.reporterName,
      ]);
      res.setHeader('Content-Type', 'text/csv; charset=utf-8');
      res.setHeader('Content-Disposition', `attachment; filename="incidents-${today(deps.clock)}.csv"`);
      res.setHeader('Cache-Control', 'no-store');
      res.sendRaw(
        200,
        toCsv(
          [
            'Reference',
            'Reported',
            'Happened on',
            'Category',
            'Involved',
            'Where',
            'Platform',
            'What happened',
            'Routed to',
            'Assigned to',
            'Status',
            'CPOMS',
            'Police contacted',
            'Reported by',
          ],
          rows,
        ),
      );
    }),
  );

  server.get(
    '/api/incidents/summary',
    signedIn(async (person, _req, res) => {
      const result = await incidentSummary(deps, person, 12);
      if (result.status === 'not-permitted') return deny(res);
      const summary: Summary = { ...result, categoryLabels: CATEGORY_LABELS, roleLabels: LINK_ROLE_LABELS };
      res.json(summary);
    }),
  );

  server.get(
    '/api/incidents/:id',
    signedIn(async (person, req, res) => {
      const id = String(req.params.id ?? '');
      if (!/^\d{1,12}$/.test(id)) return notFound(res);
      const result = await incidentDetail(deps, person, id);
      if (result.status === 'not-permitted') return deny(res);
      if (result.status === 'not-found') return notFound(res);
      res.json(detailJson(result, await rowsNow()));
    }),
  );

  server.post(
    '/api/incidents/:id/steps',
    signedIn(async (person, req, res) => {
      const id = String(req.params.id ?? '');
      if (!/^\d{1,12}$/.test(id)) return notFound(res);
      const parsed = parseStep(req.body);
      if (!parsed.ok) return send(res, 400, { error: parsed.error, fields: parsed.fields });
      const result = await actOnIncident(deps, person, id, parsed.step, parsed.version);
      switch (result.status) {
        case 'not-permitted':
          return deny(res);
        case 'not-found':
          return notFound(res);
        case 'invalid':
          return send(res, 422, { error: result.message });
        case 'stale': {
          // As the school accounts do: the second person is shown the incident as it is now.
          const now = await incidentDetail(deps, person, id);
          return send(res, 409, {
            error: 'Someone else changed this incident while you were looking at it. Here it is as it is now: check it and try again.',
            ...(now.status === 'ok' ? { detail: detailJson(now, await rowsNow()) } : {}),
          });
        }
        case 'ok':
          return send(res, 201, { entries: result.entries, version: result.incident.version });
      }
    }),
  );
}

/** One incident as the tab shows it: every part in words, each mark with its region named. */
function detailJson(result: IncidentDetail, row: (incident: Incident) => IncidentRow): IncidentDetailJson {
  const { incident, links, status: _status, ...rest } = result;
  return {
    ...rest,
    links: links.map((link) => ({
      id: link.id,
      kind: link.kind,
      pupilId: link.pupilId ?? null,
      name: link.name,
      className: link.className ?? null,
      yearGroup: link.yearGroup ?? null,
      role: link.role,
      roleLabel: LINK_ROLE_LABELS[link.role],
    })),
    incident: {
      ...row(incident),
      version: incident.version,
      category: incident.category,
      assigneeId: incident.assigneeId ?? null,
      whatHappened: incident.whatHappened,
      where: WHERE_LABELS[incident.where],
      platform: incident.platform,
      involved: INVOLVED_LABELS[incident.involved],
      sourceMessage: incident.sourceMessage ?? null,
      cpomsReference: incident.cpomsReference ?? null,
      police: incident.police
        ? { ...incident.police, decidedAsLabel: incident.police.decidedAs ? ROLE_LABELS[incident.police.decidedAs] : null }
        : null,
      ico: incident.ico ?? null,
      firstOpened: incident.firstOpened ?? null,
      bodyMap: (incident.bodyMap ?? []).map((mark) => ({ ...mark, label: markLabel(mark) })),
      followUps: incident.followUps ?? [],
      evidence: (incident.evidence ?? []).map(evidenceJson),
      aboutHeadteacher: incident.aboutHeadteacher,
    },
    police: result.police.may ? { may: true, asLabel: result.police.as ? ROLE_LABELS[result.police.as] : null } : result.police,
    late: result.late.map((problem) => problem.text),
  };
}

function parseFilter(req: Request, res: Response): (IncidentFilter & { offset: number; pastTimescales: boolean }) | undefined {
  const parsed = filterSchema.safeParse(req.query ?? {});
  if (!parsed.success) {
    badRequest(res, 'Unknown filter value.', parsed.error.issues);
    return undefined;
  }
  const { q, dir, offset, late, ...rest } = parsed.data;
  return {
    ...rest,
    ...(q?.trim() ? { text: q.trim() } : {}),
    descending: dir !== 'asc',
    offset: offset ?? 0,
    pastTimescales: late === '1',
  };
}

function toRow(incident: Incident, late: string[]): IncidentRow {
  return {
    id: incident.id,
    reference: incidentReference(incident.id),
    reportedAt: incident.reportedAt,
    occurredOn: incident.occurredOn,
    category: incident.category,
    categoryLabel: CATEGORY_LABELS[incident.category],
    routedTo: incident.routedTo,
    routedToLabel: ROLE_LABELS[incident.routedTo],
    assigneeName: incident.assigneeName ?? null,
    status: incident.status,
    statusLabel: STATUS_LABELS[incident.status],
    reporterName: incident.reporterName,
    nobodyToldYet: incident.nobodyToldYet === true,
    /** What is past its timescale now ("Not opened within 4 working hours"). */
    late,
    updatedAt: incident.updatedAt,
  };
}

/** An evidence file as the tab lists it (what it is in words), never where it is stored. */
export function evidenceJson(file: EvidenceFile) {
  const { storageKey: _key, ...shown } = file;
  return { ...shown, label: EVIDENCE_FORMATS[file.format].label };
}

export function deny(res: Response): void {
  send(res, 403, { error: DENIED });
}

function notFound(res: Response): void {
  send(res, 404, { error: 'There is no incident with that reference that you can see.' });
}
