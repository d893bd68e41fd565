import type { Server } from 'restify';
import { z } from 'zod';
import type { AppDeps } from '../../app/app-deps';
import { exportConsent } from '../../app/export-consent';
import { importPupils } from '../../app/import-pupils';
import type { PupilImportJobs } from '../../app/pupil-import-jobs';
import { may, whoMay } from '../../domain/authorization/permissions';
import { toIsoDate } from '../../domain/calendar/dates';
import { badRequest, send, refuse, type SignedIn } from './api-refusal';
import { toCsv } from './csv';
import { today } from '../../domain/calendar/zoned-time';
import { refusal } from '../refusals';

/** A whole school's MIS export, with its columns: well above 2,000 pupils' worth. */
export const PUPIL_IMPORT_MAX_BYTES = 4 * 1024 * 1024;
/** A file mapped to the wrong columns fails on every row: the first errors are enough to see why. */
const ERRORS_SHOWN = 200;

/**
 * The admin team's side of the Consent tab: import pupils from the MIS export (a preview,
 * then a background job the tab polls for progress) and export the register as CSV.
 */
export function registerConsentAdminRoutes(server: Server, deps: AppDeps, signedIn: SignedIn, jobs: PupilImportJobs): void {
  server.post(
    '/api/pupils/import',
    signedIn(async (person, req, res) => {
      const body = pupilImportBody.safeParse(req.body);
      if (!body.success) {
        return badRequest(res, 'Send {"csv": "...", "mapping"?: {...}, "apply"?: true}.', body.error.issues);
      }
      const { csv, mapping, apply } = body.data;
      const result = apply ? await jobs.start(person, csv, mapping) : await importPupils(deps, person, csv, mapping, false);
      switch (result.status) {
        case 'not-permitted':
          return refuse(res, 403, refusal(result));
        case 'invalid':
          return send(res, 422, { ...result, errors: result.errors.slice(0, ERRORS_SHOWN), errorCount: result.errors.length });
        case 'needs-mapping':
          return send(res, 422, result);
        case 'busy':
          return send(res, 409, { status: 'busy', error: result.message });
        case 'started':
          res.header('Location', `/api/pupils/import/${result.job.id}`);
          return send(res, 202, result);
        default:
          return send(res, 200, result);
      }
    }),
  );

  server.get(
    '/api/pupils/import/:jobId',
    signedIn(async (person, req, res) => {
      if (!may(person, 'pupils.import')) return refuse(res, 403, `Only ${whoMay('pupils.import')} can import pupils.`);
      const job = await jobs.status(person, String(req.params.jobId ?? ''));
      res.header('Cache-Control', 'no-store');
      if (!job) {
        return send(res, 404, { error: 'There is no import of yours with that number. Imports are kept for an hour after they finish.' });
      }
      res.json(job);
    }),
  );

  server.get(
    '/api/consent.csv',
    signedIn(async (person, req, res) => {
      const className = typeof req.query?.className === 'string' ? req.query.className.slice(0, 20) : '';
      const asked = typeof req.query?.date === 'string' ? req.query.date : '';
      if (asked && toIsoDate(asked) !== asked) {
        return send(res, 400, { error: 'Give the date as YYYY-MM-DD, a day that exists.' });
      }
      const date = asked || today(deps.clock);
      const result = await exportConsent(deps, person, { className, date });
      if (result.status === 'not-permitted') return refuse(res, 403, refusal(result));
      if (result.status === 'unknown-class') {
        return send(res, 404, { error: `No pupils of class ${className} were on roll on ${date}.`, classes: result.classes });
      }
      const rows = result.rows.map((row) => [row.displayName, row.className, row.images, row.videos]);
      const scope = (result.className ?? 'whole-school').replace(/[^A-Za-z0-9-]/g, '_');
      res.setHeader('Content-Type', 'text/csv; charset=utf-8');
      res.setHeader('Content-Disposition', `attachment; filename="consent-${scope}-${date}.csv"`);
      res.setHeader('Cache-Control', 'no-store');
      res.sendRaw(200, toCsv(['Pupil', 'Class', `Images as at ${date}`, `Videos as at ${date}`], rows));
    }),
  );
}

const column = z.string().min(1).max(100);
const pupilImportBody = z.object({
  csv: z.string().max(PUPIL_IMPORT_MAX_BYTES),
  mapping: z.object({ misReference: column, displayName: column, className: column, yearGroup: column, onRollFrom: column }).optional(),
  apply: z.boolean().optional(),
});
