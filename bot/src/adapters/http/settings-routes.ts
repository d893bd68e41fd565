import type { Response, Server } from 'restify';
import type { SettingsData } from '../../contracts/settings';
import { z } from 'zod';
import type { AppDeps } from '../../app/app-deps';
import { savePolicy } from '../../app/settings/policy-register';
import type { SettingsSave } from '../../app/settings/save-edited';
import { saveSchoolDetails } from '../../app/settings/school-details';
import { settingsView } from '../../app/settings/settings-view';
import { importTermDates, saveTermDates } from '../../app/settings/term-dates';
import { saveTrainingRequirement } from '../../app/settings/training-requirements';
import { refuse, send, type SignedIn } from './api-refusal';
import { refusal } from '../refusals';

/** The largest term dates file taken: a local authority's list is a few hundred bytes. */
export const TERM_DATES_CSV_MAX_CHARS = 64 * 1024;

const versionOf = z.object({ version: z.number().int().min(1).optional() });
const importBody = z.object({
  csv: z.string().max(TERM_DATES_CSV_MAX_CHARS, 'The file is too big for term dates (64 KB at most).'),
  apply: z.boolean().optional(),
  version: z.number().int().min(1).optional(),
});
const RECORD_ID = /^\d{1,12}$/;

/**
 * School settings (`/api/settings/…`): the school's details, the policy register, the term dates
 * and the training requirements. Each use case checks the person's role; a stale version is 409.
 */
export function registerSettingsRoutes(server: Server, deps: AppDeps, signedIn: SignedIn): void {
  server.get(
    '/api/settings',
    signedIn(async (person, _req, res) => {
      const view = await settingsView(deps, person);
      if (view.status === 'not-permitted')
        return refuse(res, 403, 'Only the headteacher, the admin team and the online safety lead can open School settings.');
      const { status: _status, ...rest } = view;
      const body: SettingsData = rest;
      send(res, 200, body);
    }),
  );

  server.put(
    '/api/settings/school',
    signedIn(async (person, req, res) => {
      answer(res, await saveSchoolDetails(deps, person, req.body, versionOf.safeParse(req.body).data?.version), 200);
    }),
  );

  server.post(
    '/api/settings/policies',
    signedIn(async (person, req, res) => answer(res, await savePolicy(deps, person, req.body), 201)),
  );
  server.put(
    '/api/settings/policies/:id',
    signedIn(async (person, req, res) => {
      const seen = editing(req.params?.id, req.body);
      if (!seen) return send(res, 400, { error: 'Send the policy with the "version" you were shown.' });
      answer(res, await savePolicy(deps, person, req.body, seen), 200);
    }),
  );

  server.put(
    '/api/settings/term-dates',
    signedIn(async (person, req, res) => {
      const entries = (req.body as { entries?: unknown } | undefined)?.entries;
      if (!Array.isArray(entries))
        return send(res, 400, { error: 'Send {"entries": [{"kind": "term"|"closure", "name", "start", "end"}], "version"}.' });
      answer(res, await saveTermDates(deps, person, entries, versionOf.safeParse(req.body).data?.version), 200);
    }),
  );

  server.post(
    '/api/settings/term-dates/import',
    signedIn(async (person, req, res) => {
      const body = importBody.safeParse(req.body);
      if (!body.success)
        return send(res, 400, { error: body.error.issues[0]?.message ?? 'Send {"csv": "…", "apply": true|false, "version"}.' });
      const result = await importTermDates(deps, person, body.data.csv, {
        apply: body.data.apply === true,
        ...(body.data.version ? { version: body.data.version } : {}),
      });
      switch (result.status) {
        case 'not-permitted':
          return refuse(res, 403, refusal(result));
        case 'file-problems':
          return send(res, 422, {
            error: 'Nothing was saved: correct these lines in the file, then choose it again.',
            problems: result.problems,
          });
        case 'stale':
          return send(res, 409, {
            error:
              'Someone changed the term dates since this file was read. Nothing was saved: choose the file again to see what it would change now.',
            current: result.current,
          });
        case 'preview':
          return send(res, 200, { preview: result.plan, version: result.version ?? null });
        case 'ok':
          return send(res, 200, { saved: result.plan, record: result.record });
      }
    }),
  );

  server.post(
    '/api/settings/training-requirements',
    signedIn(async (person, req, res) => answer(res, await saveTrainingRequirement(deps, person, req.body), 201)),
  );
  server.put(
    '/api/settings/training-requirements/:id',
    signedIn(async (person, req, res) => {
      const seen = editing(req.params?.id, req.body);
      if (!seen) return send(res, 400, { error: 'Send the requirement with the "version" you were shown.' });
      answer(res, await saveTrainingRequirement(deps, person, req.body, seen), 200);
    }),
  );
}

function editing(id: unknown, body: unknown): { id: string; version: number } | undefined {
  const version = versionOf.safeParse(body).data?.version;
  return typeof id === 'string' && RECORD_ID.test(id) && version !== undefined ? { id, version } : undefined;
}

function answer<T>(res: Response, result: SettingsSave<T>, savedStatus: number): void {
  switch (result.status) {
    case 'ok':
      return send(res, savedStatus, { record: result.record });
    case 'not-permitted':
      return refuse(res, 403, refusal(result));
    case 'invalid':
      return send(res, 422, { error: 'Nothing was saved: please correct the fields marked.', errors: result.errors });
    case 'not-found':
      return send(res, 404, { error: 'That is not in School settings (any more). Reload the page.' });
    case 'stale':
      return send(res, 409, {
        error:
          'Someone else saved this while you were editing it. Nothing of yours was saved: here it is as it is now — check it and save again.',
        current: result.current,
      });
  }
}
