import { may } from '../domain/authorization/permissions';
import type { Person } from '../domain/people/person';
import { ACCOUNT_OWNER_ROLES, validateSocialAccountInput, type SocialAccountField } from '../domain/posting/social-account-input';
import type { SocialAccount } from '../domain/posting/social-account';
import { ConsentRequiredError, SignInAgainError, type ActingAsUser } from '../ports/acting-as-user.port';
import { StaleRecordError, type Versioned } from '../ports/collection.port';
import type { AppDeps } from './app-deps';
import { recordAudit } from './record-audit';
import { refused, type Refused } from './outcome';

export type SaveSocialAccountResult =
  | { status: 'ok'; account: Versioned<SocialAccount> }
  | Refused
  | { status: 'invalid'; errors: Partial<Record<SocialAccountField, string>> }
  | { status: 'not-found' }
  | { status: 'consent-required'; scopes: readonly string[] }
  | { status: 'sign-in-again'; claims: string }
  | { status: 'stale'; account: Versioned<SocialAccount> };

/** The register of school accounts (s.5), for every member of staff to read. */
export async function listSocialAccounts(
  deps: AppDeps,
  person: Person,
): Promise<Refused | { status: 'ok'; accounts: Versioned<SocialAccount>[]; owners: Person[] }> {
  if (!may(person, 'socialAccount.view')) return refused('socialAccount.view');
  const accounts = (await deps.stores.socialAccounts.find({ limit: 200 })).items.sort(
    (a, b) => Number(b.active) - Number(a.active) || a.platform.localeCompare(b.platform),
  );
  return { status: 'ok', accounts, owners: await accountOwners(deps) };
}

/**
 * Adds an account, or changes one (`existing` with the version the person saw). Only the DSL and
 * designated staff may (s.5); the owner must be one of them. Accounts are retired, never deleted,
 * so that posts registered against them keep their meaning.
 */
export async function saveSocialAccount(
  deps: AppDeps,
  person: Person,
  raw: unknown,
  existing?: { id: string; version: number },
  asUser?: ActingAsUser,
): Promise<SaveSocialAccountResult> {
  if (!may(person, 'socialAccount.manage')) {
    await recordAudit(deps, person, {
      action: 'social-account.manage.denied',
      recordType: 'socialAccount',
      recordId: existing?.id ?? '-',
      summary: 'Change refused: the person is not the DSL or designated staff',
    });
    return refused('socialAccount.manage');
  }
  const input = validateSocialAccountInput(raw);
  if (!input.ok) return { status: 'invalid', errors: input.errors };
  const owner = (await accountOwners(deps)).find((candidate) => candidate.id === input.value.ownerId);
  if (!owner) return { status: 'invalid', errors: { ownerId: 'The owner must be the DSL or one of the designated social media staff.' } };
  // s.5: linked to an official school email account. Checked in the school's directory, as the
  // person saving (in Teams with SSO); locally there is no directory to ask.
  if (asUser) {
    try {
      if (!(await asUser.mailboxExists(input.value.schoolEmail)))
        return {
          status: 'invalid',
          errors: {
            schoolEmail:
              "There is no mailbox with this address in the school's Microsoft 365. Use the school email account linked to this social media account.",
          },
        };
    } catch (error) {
      if (error instanceof ConsentRequiredError) return { status: 'consent-required', scopes: error.scopes };
      if (error instanceof SignInAgainError) return { status: 'sign-in-again', claims: error.claims };
      throw error;
    }
  }
  const record = { ...input.value, ownerName: owner.displayName };
  if (!existing) {
    const account = await deps.stores.socialAccounts.insert(record);
    await recordAudit(deps, person, {
      action: 'social-account.added',
      recordType: 'socialAccount',
      recordId: account.id,
      summary: 'School account registered',
    });
    return { status: 'ok', account };
  }
  const current = await deps.stores.socialAccounts.get(existing.id);
  if (!current) return { status: 'not-found' };
  if (current.version !== existing.version) return { status: 'stale', account: current };
  try {
    const account = await deps.stores.socialAccounts.update({ ...current, ...record });
    await recordAudit(deps, person, {
      action: 'social-account.changed',
      recordType: 'socialAccount',
      recordId: account.id,
      summary: account.active ? 'School account changed' : 'School account retired',
    });
    return { status: 'ok', account };
  } catch (error) {
    if (error instanceof StaleRecordError) return { status: 'stale', account: (await deps.stores.socialAccounts.get(existing.id))! };
    throw error;
  }
}

async function accountOwners(deps: AppDeps): Promise<Person[]> {
  const holders = (await Promise.all(ACCOUNT_OWNER_ROLES.map((role) => deps.directory.holdersOf(role)))).flat();
  return [...new Map(holders.map((person) => [person.id, person])).values()].sort((a, b) => a.displayName.localeCompare(b.displayName));
}
