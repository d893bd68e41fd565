import type { Response, Server } from 'restify';
import { z } from 'zod';
import type { EvidenceDeps } from '../../app/incident-evidence';
import { listTransfers, recordTransferSent, transferFile, type TransferRow } from '../../app/pupil-transfers';
import { TRANSFER_METHODS } from '../../domain/incidents/pupil-transfer';
import type { PupilTransfer } from '../../domain/incidents/pupil-transfer';
import type { Versioned } from '../../ports/collection.port';
import type { TransferListJson, TransferRowJson } from '../../contracts/incidents';
import { send, type SignedIn } from './api-refusal';
import { TRANSFER_METHOD_LABELS, transferFileName, transferPdf, transferZip } from './files/transfer-file';

const DENIED = "Only the DSL and deputy DSLs can see, produce and record a leaver's safeguarding file.";
const NO_PUPIL = 'There is no such pupil on the roster.';
const NO_TASK = 'There is no safeguarding file to send for this pupil: they have not left, or are linked to no incident.';

/** Lenient: whatever is missing or mistyped reaches the use case as empty, which checks who is asking first, then says what is wrong. */
const sentBody = z.object({
  on: z.string().max(20).catch(''),
  toSchool: z.string().max(1000).catch(''),
  toDsl: z.string().max(1000).catch(''),
  how: z.string().max(40).catch(''),
  version: z.number().int().nonnegative().catch(-1),
});

/**
 * Leavers' safeguarding files (the Incidents tab's *Pupils who have left*): the list, the file as a
 * PDF or a zip for secure transfer, and the record of it sent. The DSL and the deputies only.
 */
export function registerIncidentTransferRoutes(server: Server, deps: EvidenceDeps, signedIn: SignedIn): void {
  server.get(
    '/api/incidents/transfers',
    signedIn(async (person, _req, res) => {
      const result = await listTransfers(deps, person);
      if (result.status === 'not-permitted') return send(res, 403, { error: DENIED });
      const body: TransferListJson = {
        rows: result.rows.map(rowJson),
        methods: TRANSFER_METHODS.map((value) => ({ value, label: TRANSFER_METHOD_LABELS[value] })),
      };
      res.json(body);
    }),
  );

  for (const extension of ['pdf', 'zip'] as const) {
    server.get(
      `/api/incidents/transfers/:pupilId/file.${extension}`,
      signedIn(async (person, req, res) => {
        const pupilId = String(req.params.pupilId ?? '');
        if (!/^\d{1,12}$/.test(pupilId)) return send(res, 404, { error: NO_PUPIL });
        const file = await transferFile(deps, person, pupilId);
        if (file.status === 'not-permitted') return send(res, 403, { error: DENIED });
        if (file.status === 'not-found') return send(res, 404, { error: NO_PUPIL });
        const bytes = extension === 'pdf' ? transferPdf(file) : await transferZip(file, deps.evidence.store);
        res.status(200);
        res.setHeader('Content-Type', extension === 'pdf' ? 'application/pdf' : 'application/zip');
        res.setHeader('Content-Length', String(bytes.length));
        res.setHeader('Cache-Control', 'no-store');
        res.setHeader('Content-Disposition', `attachment; filename="${transferFileName(file, extension)}"`);
        res.end(bytes);
      }),
    );
  }

  server.post(
    '/api/incidents/transfers/:pupilId/sent',
    signedIn(async (person, req, res) => {
      const body = sentBody.parse(typeof req.body === 'object' && req.body ? req.body : {});
      const result = await recordTransferSent(deps, person, String(req.params.pupilId ?? ''), body);
      switch (result.status) {
        case 'ok':
          return send(res, 200, { sent: sentJson(result.transfer), version: result.transfer.version, status: result.transfer.status });
        case 'not-permitted':
          return send(res, 403, { error: DENIED });
        case 'not-found':
          return send(res, 404, { error: NO_TASK });
        case 'invalid':
          return send(res, 400, {
            error: Object.values(result.fields)[0] ?? 'Check the form.',
            fields: Object.keys(result.fields),
            problems: result.fields,
          });
        case 'stale':
          return stale(res, result.transfer);
        case 'not-saved':
          return send(res, 503, {
            error: "The transfer was NOT recorded because the school's records could not be reached. Please try again in a few minutes.",
          });
      }
    }),
  );
}

function stale(res: Response, transfer: Versioned<PupilTransfer>): void {
  const by = transfer.sent
    ? ` ${transfer.sent.recordedByName} recorded it sent on ${transfer.sent.on} to ${transfer.sent.toDsl}, ${transfer.sent.toSchool}.`
    : '';
  send(res, 409, {
    error: `Someone else recorded this transfer while you were looking at it; nothing was changed.${by}`,
    detail: { status: transfer.status, version: transfer.version, sent: sentJson(transfer) },
  });
}

function sentJson(transfer: PupilTransfer): TransferRowJson['sent'] {
  return transfer.sent
    ? {
        on: transfer.sent.on,
        toSchool: transfer.sent.toSchool,
        toDsl: transfer.sent.toDsl,
        how: transfer.sent.how,
        howLabel: TRANSFER_METHOD_LABELS[transfer.sent.how],
        recordedByName: transfer.sent.recordedByName,
        recordedAt: transfer.sent.recordedAt,
      }
    : null;
}

function rowJson({ transfer, pupil, incidents }: TransferRow): TransferRowJson {
  return {
    pupilId: pupil.id,
    displayName: pupil.displayName,
    className: pupil.className,
    yearGroup: pupil.yearGroup,
    leftOn: transfer.leftOn,
    status: transfer.status,
    incidents,
    version: transfer.version,
    sent: sentJson(transfer),
  };
}
