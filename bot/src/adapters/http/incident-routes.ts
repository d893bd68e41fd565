import type { Request, Response, Server } from 'restify';
import { z } from 'zod';
import { actOnIncident, type IncidentStep } from '../../app/act-on-incident';
import type { AppDeps } from '../../app/app-deps';
import { exportIncidents, incidentDetail, incidentSummary, listIncidents } from '../../app/incident-log';
import { CATEGORY_LABELS, INCIDENT_CATEGORIES, INCIDENT_STATUSES, incidentReference, INVOLVED_LABELS, STATUS_LABELS, WHERE_LABELS, type Incident } from '../../domain/incidents/incident';
import { cpomsSchema, INCIDENT_LIMITS, noteSchema } from '../../domain/incidents/incident-input';
import { optionalText, requiredText } from '../../domain/validation/typed-text';
import { INCIDENT_SORTS, type IncidentFilter } from '../../domain/incidents/incident-query';
import type { Person } from '../../domain/people/person';
import { ROLE_LABELS, ROLES } from '../../domain/people/role';
import { toCsv } from './csv';
import { send } from './api-refusal';

type SignedIn = (handler: (person: Person, req: Request, res: Response) => Promise<void>) => (req: Request, res: Response) => Promise<void>;

const DENIED = 'Only the DSL, deputy DSLs and the headteacher can see the incident log.';
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
  offset: z.coerce.number().int().min(0).max(1_000_000).optional(),
});

const stepSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('action'), text: noteSchema }),
  z.object({ type: z.literal('assign'), personId: z.string().regex(/^[\w-]{1,64}$/) }),
  z.object({ type: z.literal('status'), to: z.enum(INCIDENT_STATUSES), note: optionalText('Note', INCIDENT_LIMITS.note) }),
  z.object({ type: z.literal('cpoms'), reference: cpomsSchema }),
  z.object({ type: z.literal('police'), contacted: z.boolean(), decidedBy: requiredText('Who decided', 200), reason: noteSchema }),
]);

/** The Incidents tab's API. The use cases check role and visibility; these routes only translate. */
export function registerIncidentRoutes(server: Server, deps: AppDeps, signedIn: SignedIn): void {
  server.get('/api/incidents', signedIn(async (person, req, res) => {
    const filter = parseFilter(req, res);
    if (!filter) return;
    const result = await listIncidents(deps, person, filter, { offset: filter.offset, limit: 50 });
    if (result.status === 'denied') return deny(res);
    res.json({ total: result.total, offset: filter.offset, items: result.items.map(toRow) });
  }));

  server.get('/api/incidents.csv', signedIn(async (person, req, res) => {
    const filter = parseFilter(req, res);
    if (!filter) return;
    const result = await exportIncidents(deps, person, filter);
    if (result.status === 'denied') return deny(res);
    const rows = result.items.map((incident) => [incidentReference(incident.id), incident.reportedAt, incident.occurredOn, CATEGORY_LABELS[incident.category], INVOLVED_LABELS[incident.involved], WHERE_LABELS[incident.where], incident.platform, incident.whatHappened, ROLE_LABELS[incident.routedTo], incident.assigneeName ?? '', STATUS_LABELS[incident.status], incident.cpomsReference ?? '', incident.police ? (incident.police.contacted ? 'yes' : 'no') : '', incident.reporterName]);
    res.setHeader('Content-Type', 'text/csv; charset=utf-8');
    res.setHeader('Content-Disposition', `attachment; filename="incidents-${new Date().toISOString().slice(0, 10)}.csv"`);
    res.setHeader('Cache-Control', 'no-store');
    res.sendRaw(200, toCsv(['Reference', 'Reported', 'Happened on', 'Category', 'Involved', 'Where', 'Platform', 'What happened', 'Routed to', 'Assigned to', 'Status', 'CPOMS', 'Police contacted', 'Reported by'], rows));
  }));

  server.get('/api/incidents/summary', signedIn(async (person, _req, res) => {
    const result = await incidentSummary(deps, person, 12);
    if (result.status === 'denied') return deny(res);
    res.json({ ...result, categoryLabels: CATEGORY_LABELS });
  }));

  server.get('/api/incidents/:id', signedIn(async (person, req, res) => {
    const id = String(req.params.id ?? '');
    if (!/^\d{1,12}$/.test(id)) return notFound(res);
    const result = await incidentDetail(deps, person, id);
    if (result.status === 'denied') return deny(res);
    if (result.status === 'not-found') return notFound(res);
    const { incident, ...rest } = result;
    res.setHeader('Cache-Control', 'no-store');
    res.json({ ...rest, incident: { ...toRow(incident), assigneeId: incident.assigneeId ?? null, whatHappened: incident.whatHappened, where: WHERE_LABELS[incident.where], platform: incident.platform, involved: INVOLVED_LABELS[incident.involved], sourceMessage: incident.sourceMessage ?? null, cpomsReference: incident.cpomsReference ?? null, police: incident.police ?? null, aboutHeadteacher: incident.aboutHeadteacher } });
  }));

  server.post('/api/incidents/:id/steps', signedIn(async (person, req, res) => {
    const id = String(req.params.id ?? '');
    if (!/^\d{1,12}$/.test(id)) return notFound(res);
    const body = stepSchema.safeParse(req.body);
    if (!body.success) {
      return send(res, 400, { error: body.error.issues[0]?.message ?? 'That step is not valid.', fields: body.error.issues.map((issue) => issue.path.join('.')) });
    }
    const result = await actOnIncident(deps, person, id, body.data as IncidentStep);
    switch (result.status) {
      case 'denied':
        return deny(res);
      case 'not-found':
        return notFound(res);
      case 'invalid':
        return send(res, 422, { error: result.message });
      case 'stale':
        return send(res, 409, { error: 'Someone else changed this incident a moment ago. It has been reloaded: check it and try again.' });
      case 'ok':
        return send(res, 201, { entry: result.entry });
    }
  }));
}

function parseFilter(req: Request, res: Response): (IncidentFilter & { offset: number }) | undefined {
  const parsed = filterSchema.safeParse(req.query ?? {});
  if (!parsed.success) {
    send(res, 400, { error: 'Unknown filter value.', fields: parsed.error.issues.map((issue) => issue.path.join('.')) });
    return undefined;
  }
  const { q, dir, offset, ...rest } = parsed.data;
  return { ...rest, ...(q?.trim() ? { text: q.trim() } : {}), descending: dir !== 'asc', offset: offset ?? 0 };
}

function toRow(incident: Incident) {
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
    updatedAt: incident.updatedAt,
  };
}

function deny(res: Response): void {
  send(res, 403, { error: DENIED });
}

function notFound(res: Response): void {
  send(res, 404, { error: 'There is no incident with that reference that you can see.' });
}
