import type { Server } from 'restify';
import type { AppDeps } from '../../app/app-deps';
import { exportUnblockRegister, unblockRegister } from '../../app/unblocks/unblock-register';
import type { UnblockRegister } from '../../contracts/access-requests';
import { today } from '../../domain/calendar/zoned-time';
import { unblockRow } from './access-presenter';
import { refuse, send, type SignedIn } from './api-refusal';
import { toCsv } from './csv';
import { refusal } from '../refusals';

const CSV_HEADER = [
  'Request',
  'Website',
  'Reasons for access',
  'Open for',
  'First day',
  'Last day',
  'Approved by',
  'Approved on',
  'Opened on',
  'Blocked again on',
  'Status',
];

/**
 * The register of unblocks and its CSV copy (DfE filtering and monitoring standards: a record of
 * what is allowed and why). The CSV goes through the one helper that defuses spreadsheet formulas.
 */
export function registerUnblockRoutes(server: Server, deps: AppDeps, signedIn: SignedIn): void {
  server.get(
    '/api/unblocks',
    signedIn(async (person, _req, res) => {
      const result = await unblockRegister(deps, person);
      if (result.status === 'not-permitted') return refuse(res, 403, refusal(result));
      const answer: UnblockRegister = { rows: result.entries.map(unblockRow) };
      send(res, 200, answer);
    }),
  );

  server.get(
    '/api/unblocks.csv',
    signedIn(async (person, _req, res) => {
      const result = await exportUnblockRegister(deps, person);
      if (result.status === 'not-permitted') return refuse(res, 403, refusal(result));
      const rows = result.entries
        .map(unblockRow)
        .map((row) => [
          row.reference,
          row.url,
          row.reasons,
          row.scope,
          row.from ?? '',
          row.to ?? '',
          row.approvedBy,
          row.approvedOn,
          row.openedOn,
          row.reblockedOn ?? '',
          row.statusLabel,
        ]);
      res.setHeader('Content-Type', 'text/csv; charset=utf-8');
      res.setHeader('Content-Disposition', `attachment; filename="online-safety-desk-unblocks-${today(deps.clock)}.csv"`);
      res.setHeader('Cache-Control', 'no-store');
      res.sendRaw(200, toCsv(CSV_HEADER, rows));
    }),
  );
}
