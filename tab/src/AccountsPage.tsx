import { Body1, Button, MessageBar, MessageBarActions, MessageBarBody, Spinner, makeStyles } from '@fluentui/react-components';
import { Suspense, useCallback, useEffect, useRef, useState } from 'react';
import { getJson, sendJson, type Credentials } from './api';
import type { Host } from './teams';
import { DataTable, type Column } from './ui/DataTable';
import { EMPTY, toDraft, type Editing, type Errors, type SocialAccount } from './social-accounts';
import { GrowingBadge } from './ui/GrowingBadge';
import { lazyComponent } from './ui/lazy';
import { useFirstAnswer } from './ui/first-answer';

// The form opens on a click: it is not loaded with the list.
const AccountForm = lazyComponent(() => import('./AccountForm'), 'AccountForm');

const useStyles = makeStyles({
  page: { display: 'flex', flexDirection: 'column', gap: '16px' },
});

/** The register of school social media accounts (policy s.5); the DSL and designated staff keep it. */
export function AccountsPage({
  credentials,
  canManage,
  askConsent,
  signInAgain,
}: {
  credentials: Credentials;
  canManage: boolean;
  askConsent?: Host['askConsent'];
  signInAgain?: Host['signInAgain'];
}) {
  const styles = useStyles();
  const [first, alreadyRead] = useFirstAnswer<{ accounts: SocialAccount[]; owners: { id: string; displayName: string }[] }>(
    '/api/social-accounts',
    credentials,
  );
  const [accounts, setAccounts] = useState(first?.accounts);
  const [owners, setOwners] = useState(first?.owners ?? []);
  const [editing, setEditing] = useState<Editing>();
  const [errors, setErrors] = useState<Errors>({});
  const [message, setMessage] = useState<{ intent: 'success' | 'error' | 'warning'; text: string }>();
  const [consent, setConsent] = useState<{ clientId: string; scopes: string[] }>();
  const [challenge, setChallenge] = useState<{ claims: string }>();
  // Opening the form focuses its first field; closing it returns the focus to the button that opened it.
  const buttons = useRef(new Map<string, HTMLButtonElement>());
  const opener = useRef<string>();
  // The form's code loads the first time it opens: its first field takes the focus when it appears.
  const firstField = useCallback((input: HTMLInputElement | null) => input?.focus(), []);
  const formOpen = editing !== undefined;
  useEffect(() => {
    if (!formOpen && opener.current) buttons.current.get(opener.current)?.focus();
  }, [formOpen]);
  const keep = (key: string) => (button: HTMLButtonElement | null) =>
    button ? buttons.current.set(key, button) : buttons.current.delete(key);
  const open = (key: string, next: Editing) => {
    opener.current = key;
    setEditing(next);
  };

  // Only the latest read is shown: an earlier one that answers late must not bring back an old list.
  const reads = useRef(0);
  const load = () => {
    const read = ++reads.current;
    return getJson<{ accounts: SocialAccount[]; owners: { id: string; displayName: string }[] }>('/api/social-accounts', credentials).then(
      (result) => {
        if (read !== reads.current) return;
        setAccounts(result.accounts);
        setOwners(result.owners);
      },
      (failure: Error) => setMessage({ intent: 'error', text: failure.message }),
    );
  };
  useEffect(() => {
    if (!alreadyRead()) void load();
  }, [credentials]);

  /** `freshToken`: the token from signing in again, used for this one save. */
  const save = async (freshToken?: string) => {
    if (!editing) return;
    const body = editing.id ? { ...editing.draft, version: editing.version } : editing.draft;
    setConsent(undefined);
    setChallenge(undefined);
    const sendAs = freshToken ? { ...credentials, token: async () => freshToken } : credentials;
    const result = await sendJson<{
      account?: SocialAccount;
      error?: string;
      errors?: Errors;
      consentRequired?: boolean;
      clientId?: string;
      scopes?: string[];
      signInAgain?: boolean;
      claims?: string;
    }>(editing.id ? 'PUT' : 'POST', editing.id ? `/api/social-accounts/${editing.id}` : '/api/social-accounts', sendAs, body);
    if (result.ok) {
      setMessage({ intent: 'success', text: `Saved ${result.body.account!.platform} ${result.body.account!.handle}.` });
      setEditing(undefined);
      setErrors({});
      void load();
      return;
    }
    if (result.body.consentRequired && result.body.clientId && result.body.scopes) {
      // Not an error: the school email is checked in the directory as you, and Microsoft needs your say-so once.
      setMessage(undefined);
      setConsent({ clientId: result.body.clientId, scopes: result.body.scopes });
      return;
    }
    if (result.status === 401 && result.body.signInAgain) {
      // Not a permission question: the school's sign-in policy wants the person to sign in again first.
      setMessage(undefined);
      setChallenge({ claims: result.body.claims ?? '' });
      return;
    }
    setErrors(result.body.errors ?? {});
    setMessage({ intent: result.status === 409 ? 'warning' : 'error', text: result.body.error ?? 'Nothing was saved.' });
    if (result.status === 409 && result.body.account)
      setEditing({ id: result.body.account.id, version: result.body.account.version, draft: toDraft(result.body.account) });
  };

  const columns: Column<SocialAccount>[] = [
    { header: 'Account', cell: (account) => `${account.platform} ${account.handle}` },
    { header: 'Purpose', cell: (account) => account.purpose },
    { header: 'Owner', cell: (account) => account.ownerName },
    { header: 'School email', breakAnywhere: true, cell: (account) => account.schoolEmail },
    {
      header: 'Status',
      cell: (account) => (
        <GrowingBadge color={account.active ? 'success' : 'informative'}>{account.active ? 'In use' : 'Retired'}</GrowingBadge>
      ),
    },
    ...(canManage
      ? [
          {
            header: 'Change',
            cell: (account: SocialAccount) => (
              <Button
                size="small"
                ref={keep(account.id)}
                aria-label={`Edit ${account.platform} ${account.handle}`}
                onClick={() => open(account.id, { id: account.id, version: account.version, draft: toDraft(account) })}
              >
                Edit
              </Button>
            ),
          },
        ]
      : []),
  ];

  return (
    <section className={styles.page} aria-label="School social media accounts">
      <Body1>
        The school's social media accounts. Only the DSL and designated staff create and monitor them (Social Media Policy, section 5);
        staff ask the bot for permission before posting.
      </Body1>
      {message && (
        <MessageBar key={message.text} intent={message.intent}>
          <MessageBarBody>{message.text}</MessageBarBody>
        </MessageBar>
      )}
      {consent && (
        <AskFirst
          testId="consent-prompt"
          intent="info"
          text="To check that the school email address is a real mailbox at your school, Online Safety Desk needs your permission to read basic profiles in your school's directory. You only need to give it once."
          action="Give permission"
          ask={askConsent && (() => askConsent(consent.clientId, consent.scopes))}
          onGiven={() => void save()}
          onRefused={() =>
            setMessage({
              intent: 'warning',
              text: 'Permission was not given, so the account was not saved. You can try again, or ask your IT provider to grant it for the whole school.',
            })
          }
        />
      )}
      {challenge && (
        <AskFirst
          testId="sign-in-again"
          intent="warning"
          text="Your school asks you to sign in again (for example with a second step, such as a code on your phone) before Online Safety Desk can check the school email address. Nothing has been saved yet."
          action="Sign in again"
          ask={signInAgain && (() => signInAgain(challenge.claims))}
          onGiven={(token) => void save(token)}
          onRefused={() =>
            setMessage({
              intent: 'warning',
              text: 'You did not finish signing in, so the account was not saved. Try again, or ask your IT provider if signing in keeps failing.',
            })
          }
        />
      )}
      {!accounts && !message && <Spinner label="Loading accounts…" />}
      {accounts && accounts.length === 0 && <Body1>No school accounts are registered yet.</Body1>}
      {accounts && accounts.length > 0 && (
        <DataTable
          label="School accounts"
          columns={columns}
          rows={accounts}
          rowKey={(account) => account.id}
          rowProps={() => ({ 'data-testid': 'account-row' })}
          size="medium"
        />
      )}
      {canManage && !editing && (
        <div>
          <Button appearance="primary" ref={keep('new')} onClick={() => open('new', { draft: { ...EMPTY, ownerId: owners[0]?.id ?? '' } })}>
            Register an account
          </Button>
        </div>
      )}
      {canManage && editing && (
        <Suspense fallback={<Spinner size="tiny" label="Loading the form…" />}>
          <AccountForm
            editing={editing}
            owners={owners}
            errors={errors}
            onChange={setEditing}
            onSave={() => void save()}
            onCancel={() => setEditing(undefined)}
            firstFieldRef={firstField}
          />
        </Suspense>
      )}
    </section>
  );
}

/** What must happen before the save can go through (a permission, a new sign-in), with the one button that does it. */
function AskFirst<T>({
  testId,
  intent,
  text,
  action,
  ask,
  onGiven,
  onRefused,
}: {
  testId: string;
  intent: 'info' | 'warning';
  text: string;
  action: string;
  ask: (() => Promise<T>) | undefined;
  onGiven: (answer: T) => void;
  onRefused: () => void;
}) {
  return (
    <MessageBar intent={intent} data-testid={testId}>
      <MessageBarBody>{text}</MessageBarBody>
      <MessageBarActions>
        <Button appearance="primary" disabled={!ask} onClick={() => ask?.().then(onGiven, onRefused)}>
          {action}
        </Button>
      </MessageBarActions>
    </MessageBar>
  );
}
