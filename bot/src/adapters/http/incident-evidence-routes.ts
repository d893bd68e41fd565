import type { Response, Server } from 'restify';
import { z } from 'zod';
import { attachEvidence, openEvidence, removeEvidence, type EvidenceDeps, type EvidenceResult } from '../../app/incident-evidence';
import { EVIDENCE_LIMITS } from '../../domain/incidents/incident-evidence';
import { requiredText } from '../../domain/validation/typed-text';
import { send, type SignedIn } from './api-refusal';
import { incomingFile, sendFile } from './file-responses';
import { deny, evidenceJson } from './incident-routes';

/** The one incident route whose body is a file, not JSON: the server reads it as it arrives. */
export const EVIDENCE_UPLOAD_PATH = /^\/api\/incidents\/\d{1,12}\/evidence$/;

const NOT_FOUND = 'There is no such file on an incident you can see.';
const removal = z.object({ reason: requiredText('The reason', EVIDENCE_LIMITS.reason) });

/** Evidence files on an incident: attach one, open one, and (the DSL only) remove one with a reason. */
export function registerIncidentEvidenceRoutes(server: Server, deps: EvidenceDeps, signedIn: SignedIn): void {
  server.post(
    '/api/incidents/:id/evidence',
    signedIn(async (person, req, res) => {
      const file = incomingFile(req, res);
      if (!file) return;
      const result = await attachEvidence(deps, person, String(req.params.id ?? ''), file);
      if (result.status !== 'ok') res.setHeader('Connection', 'close');
      answer(res, result, 201);
    }),
  );

  server.get(
    '/api/incidents/:id/evidence/:fileId',
    signedIn(async (person, req, res) => {
      const opened = await openEvidence(deps, person, String(req.params.id ?? ''), String(req.params.fileId ?? '').slice(0, 64));
      if (opened.status === 'not-permitted') return deny(res);
      if (opened.status === 'not-found') return send(res, 404, { error: NOT_FOUND });
      if (opened.status === 'removed')
        return send(res, 410, { error: 'This file was removed from the incident by the DSL; the chronology says why.' });
      await sendFile(res, opened.file, opened.contentType, opened.bytes);
    }),
  );

  server.post(
    '/api/incidents/:id/evidence/:fileId/remove',
    signedIn(async (person, req, res) => {
      const body = removal.safeParse(req.body ?? {});
      if (!body.success)
        return send(res, 400, { error: body.error.issues[0]?.message ?? 'Say why the file is removed.', fields: ['reason'] });
      answer(
        res,
        await removeEvidence(deps, person, String(req.params.id ?? ''), String(req.params.fileId ?? '').slice(0, 64), body.data.reason),
        200,
        'Only the DSL can remove evidence from an incident.',
      );
    }),
  );
}

const STATUS: Record<Extract<EvidenceResult, { status: 'invalid' }>['code'], number> = {
  'too-big': 413,
  'too-many': 409,
  type: 422,
  empty: 422,
  name: 422,
  incomplete: 422,
  reason: 400,
};

function answer(res: Response, result: EvidenceResult, doneStatus: number, denied?: string): void {
  switch (result.status) {
    case 'ok':
      return send(res, doneStatus, { file: evidenceJson(result.file) });
    case 'not-permitted':
      return denied ? send(res, 403, { error: denied }) : deny(res);
    case 'not-found':
      return send(res, 404, { error: NOT_FOUND });
    case 'not-saved':
      return send(res, 503, {
        error:
          "The file was NOT attached (or removed) because the school's records or its file store could not be reached. Please try again in a few minutes.",
      });
    case 'invalid':
      return send(res, STATUS[result.code], { error: result.message, code: result.code });
  }
}
