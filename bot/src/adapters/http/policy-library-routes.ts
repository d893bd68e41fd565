import type { Response, Server } from 'restify';
import {
  acknowledgeVersion,
  openVersion,
  readLibrary,
  seesReadStatus,
  versionReadStatus,
  type LibraryEntry,
} from '../../app/policies/policy-library';
import type { PolicyLibraryDeps } from '../../app/policies/policy-files';
import { publishPolicyVersion } from '../../app/policies/publish-policy-version';
import { readPolicies } from '../../app/settings/policy-register';
import type { LibraryEntryView, PolicyLibrary, PolicyVersionView, TellingView, VersionReaders } from '../../contracts/policy-library';
import { readTelling, recordTold, saveTellingTexts, type TellingOutcome } from '../../app/policies/tell-pupils-and-parents';
import { may } from '../../domain/authorization/permissions';
import { today } from '../../domain/calendar/zoned-time';
import type { PolicyVersion } from '../../domain/policies/policy-version';
import { OUTCOME_ANSWERS } from '../outcomes';
import { send, type SignedIn } from './api-refusal';
import { toCsv } from './csv';
import { incomingFile, sendFile } from './file-responses';

/** The one policy-library route whose body is a file: the server reads it as it arrives. */
export const POLICY_UPLOAD_PATH = /^\/api\/policy-library\/\d{1,12}\/versions$/;

const WORDS = {
  'not-permitted': 'You may not do that in the policy library.',
  'not-found': 'There is no such policy or version in the library.',
  'not-now': 'Only the version in force can be signed, by those who must read it.',
  'not-saved':
    'Nothing was saved because the school records or the policy library could not be reached. Please try again in a few minutes.',
} as const;

/** The policy library: read it, open a document, publish a version, sign it as read, see who has. */
export function registerPolicyLibraryRoutes(server: Server, deps: PolicyLibraryDeps, signedIn: SignedIn): void {
  server.get(
    '/api/policy-library',
    signedIn(async (person, _req, res) => {
      const library = await readLibrary(deps, person);
      if (library.status !== 'ok') return refused(res, library.status);
      const publish = may(person, 'policy.publishVersion');
      const register = publish
        ? (await readPolicies(deps.stores)).filter((policy) => !policy.retiredOn).map(({ id, title }) => ({ id, title }))
        : [];
      const answer: PolicyLibrary = {
        entries: library.entries.map(entryView),
        can: { publish, seeReaders: seesReadStatus(person), tell: may(person, 'policy.tellPupilsAndParents') },
        register,
        today: today(deps.clock),
      };
      send(res, 200, answer);
    }),
  );

  server.post(
    '/api/policy-library/:policyId/versions',
    signedIn(async (person, req, res) => {
      const file = incomingFile(req, res);
      if (!file) return;
      const result = await publishPolicyVersion(
        deps,
        person,
        String(req.params.policyId ?? ''),
        versionDetails(req.headers['x-version-details']),
        file,
      );
      if (result.status !== 'ok') {
        res.setHeader('Connection', 'close');
        if (result.status === 'invalid')
          return send(res, OUTCOME_ANSWERS.invalid.status, { error: Object.values(result.errors).join(' '), fields: result.errors });
        return refused(res, result.status);
      }
      deps.background.run('ask staff to read a new policy version', async () => void (await result.announced));
      send(res, 201, { version: versionView(result.version) });
    }),
  );

  server.get(
    '/api/policy-library/versions/:id/file',
    signedIn(async (person, req, res) => {
      const opened = await openVersion(deps, person, String(req.params.id ?? ''));
      if (opened.status !== 'ok') return refused(res, opened.status);
      await sendFile(res, { name: opened.version.file.name, bytes: opened.version.file.bytes }, opened.contentType, opened.bytes);
    }),
  );

  server.post(
    '/api/policy-library/versions/:id/read',
    signedIn(async (person, req, res) => {
      const signed = await acknowledgeVersion(deps, person, String(req.params.id ?? ''));
      if (signed.status !== 'ok') return refused(res, signed.status);
      send(res, 200, { readAt: signed.at });
    }),
  );

  server.get(
    '/api/policy-library/versions/:id/readers',
    signedIn(async (person, req, res) => {
      const status = await versionReadStatus(deps, person, String(req.params.id ?? ''));
      if (status.status !== 'ok') return refused(res, status.status);
      const answer: VersionReaders = { title: status.title, number: status.version.number, ...status.reads };
      send(res, 200, answer);
    }),
  );

  const telling = (res: Response, result: TellingOutcome, done = 200) => {
    if (result.status === 'invalid')
      return send(res, OUTCOME_ANSWERS.invalid.status, { error: Object.values(result.errors).join(' '), fields: result.errors });
    if (result.status !== 'ok') return refused(res, result.status);
    const { pupilsText, parentsText, editedByName, editedAt, sent } = result.telling;
    const answer: TellingView = {
      pupilsText,
      parentsText,
      drafted: result.drafted,
      editedByName,
      editedAt,
      sent: sent.map(({ audience, how, on, byName }) => ({ audience, how, on, byName })),
    };
    send(res, done, answer);
  };
  server.get(
    '/api/policy-library/versions/:id/telling',
    signedIn(async (person, req, res) => telling(res, await readTelling(deps, person, String(req.params.id ?? '')))),
  );
  server.put(
    '/api/policy-library/versions/:id/telling',
    signedIn(async (person, req, res) => telling(res, await saveTellingTexts(deps, person, String(req.params.id ?? ''), req.body ?? {}))),
  );
  server.post(
    '/api/policy-library/versions/:id/telling/sent',
    signedIn(async (person, req, res) => telling(res, await recordTold(deps, person, String(req.params.id ?? ''), req.body ?? {}), 201)),
  );

  server.get(
    '/api/policy-library/versions/:id/readers.csv',
    signedIn(async (person, req, res) => {
      const status = await versionReadStatus(deps, person, String(req.params.id ?? ''));
      if (status.status !== 'ok') return refused(res, status.status);
      const rows = [
        ...status.reads.read.map((row) => [row.name, 'Read and understood', row.at]),
        ...status.reads.notYet.map((row) => [row.name, 'Not yet', '']),
      ];
      const csv = toCsv(['Name', `${status.title} version ${status.version.number}`, 'Signed at (UTC)'], rows);
      res.status(200);
      res.setHeader('Content-Type', 'text/csv; charset=utf-8');
      res.setHeader('Content-Disposition', `attachment; filename="policy-read-version-${status.version.id}.csv"`);
      res.end(csv);
    }),
  );
}

function refused(res: Response, status: keyof typeof WORDS): void {
  send(res, OUTCOME_ANSWERS[status].status, { error: WORDS[status] });
}

/** The version's typed details come beside the file, as URL-encoded JSON in one header. */
function versionDetails(header: string | string[] | undefined): unknown {
  if (typeof header !== 'string') return {};
  try {
    return JSON.parse(decodeURIComponent(header));
  } catch {
    return {};
  }
}

function versionView(version: PolicyVersion): PolicyVersionView {
  const { id, number, approvedOn, approvedByName, changes, mustRead, file, confirmations } = version;
  return {
    id,
    number,
    approvedOn,
    approvedByName,
    changes,
    mustRead,
    file: { name: file.name, format: file.format, bytes: file.bytes },
    confirmations: confirmations.map(({ on, note, byName }) => ({ on, note, byName })),
  };
}

function entryView(entry: LibraryEntry): LibraryEntryView {
  return { policy: entry.policy, versions: entry.versions.map(versionView), mine: entry.mine };
}
