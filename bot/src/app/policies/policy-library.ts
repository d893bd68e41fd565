import { may } from '../../domain/authorization/permissions';
import type { Person } from '../../domain/people/person';
import { readKey, readStatus, type ReadStatus } from '../../domain/policies/policy-read';
import { currentVersion, mustReadIt, POLICY_FILE_FORMATS, type PolicyVersion } from '../../domain/policies/policy-version';
import type { PolicyDocument } from '../../domain/school/policy-document';
import { DuplicateRecordError, type Versioned } from '../../ports/collection.port';
import { readAll } from '../read-all';
import { recordAudit } from '../record-audit';
import { readPolicies } from '../settings/policy-register';
import { allowed, type PolicyLibraryDeps } from './policy-files';
import { versionsOf } from './publish-policy-version';

export interface LibraryEntry {
  policy: Pick<PolicyDocument, 'id' | 'title' | 'owner'>;
  /** Every version, newest first: the first is the one in force. */
  versions: Versioned<PolicyVersion>[];
  /** Whether the person must read the version in force, and when they signed it, if they have. */
  mine: { mustRead: boolean; readAt?: string };
}

/** The policies in force with their versions, for anyone the school added (policies are not confidential). */
export async function readLibrary(
  deps: Pick<PolicyLibraryDeps, 'stores' | 'clock' | 'log'>,
  actor: Person,
): Promise<{ status: 'ok'; entries: LibraryEntry[] } | { status: 'not-permitted' }> {
  if (!(await allowed(deps, actor, 'policy.library', 'library'))) return { status: 'not-permitted' };
  const all = await readAll((cursor) => deps.stores.policyVersions.find({ limit: 200, ...(cursor ? { cursor } : {}) }));
  const policies = (await readPolicies(deps.stores)).filter((policy) => !policy.retiredOn);
  const entries: LibraryEntry[] = [];
  for (const policy of policies) {
    const versions = all.filter((version) => version.policyId === policy.id);
    const current = currentVersion(versions);
    if (!current) continue;
    const signed = mustReadIt(actor, current)
      ? (await deps.stores.policyReads.find({ where: { readKey: readKey(current.id, actor.id) }, limit: 1 })).items[0]
      : undefined;
    entries.push({
      policy: { id: policy.id, title: policy.title, owner: policy.owner },
      versions: [
        current,
        ...versions
          .filter((version) => version !== current)
          .sort((a, b) => b.approvedOn.localeCompare(a.approvedOn) || b.publishedAt.localeCompare(a.publishedAt)),
      ],
      mine: { mustRead: mustReadIt(actor, current), ...(signed ? { readAt: signed.at } : {}) },
    });
  }
  return { status: 'ok', entries };
}

/** A version's document, for anyone the school added. */
export async function openVersion(
  deps: PolicyLibraryDeps,
  actor: Person,
  versionId: string,
): Promise<
  | { status: 'ok'; version: PolicyVersion; contentType: string; bytes: AsyncIterable<Uint8Array> }
  | { status: 'not-permitted' | 'not-found' }
> {
  if (!(await allowed(deps, actor, 'policy.library', versionId))) return { status: 'not-permitted' };
  const version = /^\d{1,12}$/.test(versionId) ? await deps.stores.policyVersions.get(versionId) : undefined;
  const bytes = version && (await deps.policyFiles.store.read(version.file.storageKey));
  if (!version || !bytes) return { status: 'not-found' };
  return { status: 'ok', version, contentType: POLICY_FILE_FORMATS[version.file.format].contentType, bytes };
}

/**
 * "I have read and understood it": signed with the person's name and the time, once (a second
 * click answers with the first signature). Only the version in force, and only by those who must read it.
 */
export async function acknowledgeVersion(
  deps: Pick<PolicyLibraryDeps, 'stores' | 'clock' | 'log'>,
  actor: Person,
  versionId: string,
): Promise<{ status: 'ok'; at: string } | { status: 'not-permitted' | 'not-found' | 'not-now' }> {
  if (!(await allowed(deps, actor, 'policy.acknowledge', versionId))) return { status: 'not-permitted' };
  const version = /^\d{1,12}$/.test(versionId) ? await deps.stores.policyVersions.get(versionId) : undefined;
  if (!version) return { status: 'not-found' };
  if (!mustReadIt(actor, version) || currentVersion(await versionsOf(deps, version.policyId))?.id !== version.id)
    return { status: 'not-now' };
  const key = readKey(version.id, actor.id);
  const earlier = async () => (await deps.stores.policyReads.find({ where: { readKey: key }, limit: 1 })).items[0];
  const before = await earlier();
  if (before) return { status: 'ok', at: before.at };
  const at = deps.clock.now().toISOString();
  try {
    await deps.stores.policyReads.insert({ versionId: version.id, personId: actor.id, personName: actor.displayName, at, readKey: key });
  } catch (error) {
    if (!(error instanceof DuplicateRecordError)) throw error;
    return { status: 'ok', at: (await earlier())?.at ?? at };
  }
  await recordAudit(deps, actor, {
    action: 'policy.acknowledge',
    recordType: 'policy',
    recordId: version.policyId,
    summary: `Read and understood version ${version.number}`,
  });
  return { status: 'ok', at };
}

/** Who has and has not signed a version, among those who must read it: for the online safety lead and the headteacher. */
export async function versionReadStatus(
  deps: PolicyLibraryDeps,
  actor: Person,
  versionId: string,
): Promise<{ status: 'ok'; version: PolicyVersion; title: string; reads: ReadStatus } | { status: 'not-permitted' | 'not-found' }> {
  if (!(await allowed(deps, actor, 'policy.readStatus', versionId))) return { status: 'not-permitted' };
  const version = /^\d{1,12}$/.test(versionId) ? await deps.stores.policyVersions.get(versionId) : undefined;
  const policy = version && (await deps.stores.policies.get(version.policyId));
  if (!version || !policy) return { status: 'not-found' };
  const reads = await readAll((cursor) =>
    deps.stores.policyReads.find({ where: { versionId: version.id }, limit: 500, ...(cursor ? { cursor } : {}) }),
  );
  return { status: 'ok', version, title: policy.title, reads: readStatus(version, await deps.directory.everyone(), reads) };
}

/** Whether the person may see who has read what (the tab shows the chart only to them). */
export function seesReadStatus(actor: Person): boolean {
  return may(actor, 'policy.readStatus');
}
