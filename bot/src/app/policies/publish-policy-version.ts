import { localDate } from '../../domain/calendar/zoned-time';
import { displayName, SNIFF_BYTES } from '../../domain/media/media-file';
import type { Person } from '../../domain/people/person';
import {
  checkPolicyFile,
  mustReadIt,
  POLICY_FILE_FORMATS,
  wordDocument,
  type PolicyFileFormat,
  type PolicyVersion,
} from '../../domain/policies/policy-version';
import { versionInputSchema, versionProblem } from '../../domain/policies/version-input';
import { readForm, type FieldErrors } from '../../domain/validation/field-errors';
import type { Versioned } from '../../ports/collection.port';
import { ChunkReader, TooManyBytes } from '../media/chunk-reader';
import type { IncomingFile } from '../media/media-services';
import { forgetFile, storeFile } from '../media/store-file';
import { readAll } from '../read-all';
import { recordAudit } from '../record-audit';
import { retryStep } from '../retry-step';
import { allowed, type PolicyLibraryDeps } from './policy-files';
import { readRequests } from './read-requests';

export type PublishOutcome =
  | { status: 'ok'; version: Versioned<PolicyVersion>; announced: Promise<unknown> }
  | { status: 'not-permitted' }
  | { status: 'not-found' }
  | { status: 'invalid'; errors: FieldErrors }
  | { status: 'not-saved' };

/**
 * The headteacher publishes a new version of a policy in the register: its document (PDF or Word,
 * read whole and checked by its bytes), number, approval date and summary of changes. The version
 * is added (earlier versions and approvals are kept as they were), the policy gains the approval,
 * and everyone who must read it is asked to, through the outbox (s.2, s.12). If the version cannot
 * be saved after the file was stored, the file is deleted again.
 */
export async function publishPolicyVersion(
  deps: PolicyLibraryDeps,
  actor: Person,
  policyId: string,
  fields: unknown,
  incoming: IncomingFile,
): Promise<PublishOutcome> {
  if (!(await allowed(deps, actor, 'policy.publishVersion', policyId))) return { status: 'not-permitted' };
  const policy = /^\d{1,12}$/.test(policyId) ? await deps.stores.policies.get(policyId) : undefined;
  if (!policy || policy.retiredOn) return { status: 'not-found' };
  const input = readForm(versionInputSchema, fields);
  if (!input.ok) return { status: 'invalid', errors: input.errors };
  const existing = await versionsOf(deps, policyId);
  const problem = versionProblem(input.value, existing, localDate(deps.clock.now()));
  if (problem) return { status: 'invalid', errors: { [problem.field]: problem.message } };

  const stored = await storeDocument(deps, incoming);
  if ('errors' in stored || stored.status === 'not-saved') return stored;
  const now = deps.clock.now();
  let version: Versioned<PolicyVersion>;
  try {
    version = await deps.stores.policyVersions.insert({
      policyId,
      ...input.value,
      approvedById: actor.id,
      approvedByName: actor.displayName,
      file: stored.file,
      publishedAt: now.toISOString(),
      confirmations: [],
    });
  } catch (error) {
    deps.log.error('A policy version could not be saved', error);
    await forgetFile(deps, deps.policyFiles.store, stored.file.storageKey);
    return { status: 'not-saved' };
  }
  // The version is published; the register's list of approvals follows it (logged if it cannot).
  const approval = {
    approvedOn: version.approvedOn,
    note: `Version ${version.number} published`,
    recordedById: actor.id,
    recordedByName: actor.displayName,
    recordedAt: now.toISOString(),
  };
  await retryStep(deps, `policy ${policyId}'s approvals`, async () => {
    const current = await deps.stores.policies.get(policyId);
    if (current) await deps.stores.policies.update({ ...current, approvals: [...current.approvals, approval] });
  });
  await recordAudit(deps, actor, {
    action: 'policy.publishVersion',
    recordType: 'policy',
    recordId: policyId,
    summary: `Version ${version.number} published (${POLICY_FILE_FORMATS[version.file.format].label}); must read: ${version.mustRead}`,
  });
  const readers = (await deps.directory.everyone()).filter((person) => mustReadIt(person, version));
  const announced = deps.announce(`policy-version ${version.id}`, readRequests(policy, version, readers));
  return { status: 'ok', version, announced };
}

export async function versionsOf(deps: Pick<PolicyLibraryDeps, 'stores'>, policyId: string): Promise<Versioned<PolicyVersion>[]> {
  return readAll((cursor) => deps.stores.policyVersions.find({ where: { policyId }, limit: 200, ...(cursor ? { cursor } : {}) }));
}

type Stored = { status: 'ok'; file: PolicyVersion['file'] } | { status: 'invalid'; errors: FieldErrors } | { status: 'not-saved' };

/** The document, judged by its first bytes, then read whole (at most 20 MB) and stored in one upload. */
async function storeDocument(deps: PolicyLibraryDeps, incoming: IncomingFile): Promise<Stored> {
  const name = displayName(incoming.name);
  const refused = (message: string): Stored => ({ status: 'invalid', errors: { file: message } });
  const reader = new ChunkReader(incoming.chunks, incoming.size);
  try {
    const verdict = checkPolicyFile({ name, head: await reader.head(SNIFF_BYTES), size: incoming.size });
    if (!verdict.ok) return refused(verdict.refusal.message);
    const whole = await reader.all();
    if (whole.length !== incoming.size) return refused(`${name} did not arrive whole. Please try again.`);
    const format: PolicyFileFormat | undefined = verdict.format === 'zip' ? wordDocument(whole) : verdict.format;
    if (!format) return refused(`${name} is not a Word document. Upload the policy as a PDF or a Word (.docx) file.`);
    const storageKey = `${deps.policyFiles.newId()}.${POLICY_FILE_FORMATS[format].extension}`;
    if (
      !(await storeFile(
        deps.policyFiles.store,
        { key: storageKey, contentType: POLICY_FILE_FORMATS[format].contentType, size: incoming.size },
        reader,
        whole,
      ))
    )
      return refused(`${name} did not arrive whole. Please try again.`);
    return { status: 'ok', file: { name, format, bytes: incoming.size, storageKey } };
  } catch (error) {
    if (error instanceof TooManyBytes) return refused(`${name} was bigger than it said it was. Please try again.`);
    deps.log.error('A policy document could not be stored', error);
    return { status: 'not-saved' };
  }
}
