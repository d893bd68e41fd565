import { checkPost, type CheckFailure } from '../domain/posting/posting-checks';
import type { PostingDetails, ShownPupil } from '../domain/posting/posting-request';
import type { PostingRequestInput } from '../domain/posting/posting-request-input';
import type { AppDeps } from './app-deps';
import { rosterSnapshot } from './roster-snapshot';

/**
 * Looks up what a posting request refers to (the account, the pupils on the roster, their
 * consent history) and runs the automatic checks of s.4 and s.5 on it, as of today's records.
 */
export async function preparePosting(deps: Pick<AppDeps, 'stores' | 'clock'>, input: PostingRequestInput): Promise<{ details: PostingDetails; checks: CheckFailure[] }> {
  const { stores } = deps;
  const [accounts, roster] = await Promise.all([
    stores.socialAccounts.find({ where: { active: true }, limit: 200 }),
    rosterSnapshot(deps),
  ]);
  const consent = (await Promise.all(input.pupilIds.map((pupilId) => stores.consents.find({ where: { pupilId }, limit: 500 })))).flatMap((page) => page.items);
  const checks = checkPost(input, { registeredAccountIds: new Set(accounts.items.map((account) => account.id)), roster, consent });

  const account = accounts.items.find((candidate) => candidate.id === input.accountId);
  const byId = new Map(roster.map((pupil) => [pupil.id, pupil]));
  const pupils: ShownPupil[] = input.pupilIds.map((id) => {
    const pupil = byId.get(id);
    return { id, displayName: pupil?.displayName ?? 'Unknown pupil', className: pupil?.className ?? '' };
  });
  const { pupilIds: _ids, ...rest } = input;
  return { details: { ...rest, accountLabel: account ? `${account.platform} ${account.handle}` : 'Not a registered account', pupils }, checks };
}

/** The request's content as input again (for re-running the checks at approval). */
export function inputOf(details: PostingDetails): PostingRequestInput {
  const { accountLabel: _label, pupils, ...rest } = details;
  return { ...rest, pupilIds: pupils.map((pupil) => pupil.id) };
}
