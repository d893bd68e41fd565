import {
  Badge,
  Body1,
  Button,
  Dropdown,
  Field,
  Input,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  Option,
  Spinner,
  Switch,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Textarea,
  makeStyles,
} from '@fluentui/react-components';
import { useEffect, useRef, useState } from 'react';
import { getJson, sendJson, type Credentials } from './api';
import type { Host } from './teams';

export interface SocialAccount {
  id: string;
  version: number;
  platform: string;
  handle: string;
  purpose: string;
  reason: string;
  ownerId: string;
  ownerName: string;
  schoolEmail: string;
  successMeasure: string;
  active: boolean;
}

type Draft = Omit<SocialAccount, 'id' | 'version' | 'ownerName'>;
type Errors = Partial<Record<keyof Draft, string>>;

const EMPTY: Draft = { platform: '', handle: '', purpose: '', reason: '', ownerId: '', schoolEmail: '', successMeasure: '', active: true };

const FIELDS: { key: keyof Draft; label: string; multiline?: boolean; hint?: string }[] = [
  { key: 'platform', label: 'Platform', hint: 'For example X, Facebook, Instagram' },
  { key: 'handle', label: 'Handle or page name' },
  { key: 'purpose', label: 'Purpose', multiline: true },
  { key: 'reason', label: 'Pedagogical or business reason', multiline: true, hint: 'Policy section 5: accounts are never created for trivial reasons.' },
  { key: 'schoolEmail', label: 'Linked school email account' },
  { key: 'successMeasure', label: 'How success is evaluated', multiline: true },
];

const useStyles = makeStyles({
  page: { display: 'flex', flexDirection: 'column', gap: '16px' },
  form: { display: 'grid', gap: '12px', maxWidth: '640px' },
  buttons: { display: 'flex', gap: '8px' },
});

/** The register of school social media accounts (policy s.5); the DSL and designated staff keep it. */
export function AccountsPage({ credentials, canManage, askConsent }: { credentials: Credentials; canManage: boolean; askConsent?: Host['askConsent'] }) {
  const styles = useStyles();
  const [accounts, setAccounts] = useState<SocialAccount[]>();
  const [owners, setOwners] = useState<{ id: string; displayName: string }[]>([]);
  const [editing, setEditing] = useState<{ id?: string; version?: number; draft: Draft }>();
  const [errors, setErrors] = useState<Errors>({});
  const [message, setMessage] = useState<{ intent: 'success' | 'error' | 'warning'; text: string }>();
  const [consent, setConsent] = useState<{ clientId: string; scopes: string[] }>();

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
    void load();
  }, [credentials]);

  const save = async () => {
    if (!editing) return;
    const body = editing.id ? { ...editing.draft, version: editing.version } : editing.draft;
    setConsent(undefined);
    const result = await sendJson<{ account?: SocialAccount; error?: string; errors?: Errors; consentRequired?: boolean; clientId?: string; scopes?: string[] }>(editing.id ? 'PUT' : 'POST', editing.id ? `/api/social-accounts/${editing.id}` : '/api/social-accounts', credentials, body);
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
    setErrors(result.body.errors ?? {});
    setMessage({ intent: result.status === 409 ? 'warning' : 'error', text: result.body.error ?? 'Nothing was saved.' });
    if (result.status === 409 && result.body.account) setEditing({ id: result.body.account.id, version: result.body.account.version, draft: toDraft(result.body.account) });
  };

  return (
    <section className={styles.page} aria-label="School social media accounts">
      <Body1>The school's social media accounts. Only the DSL and designated staff create and monitor them (Social Media Policy, section 5); staff ask the bot for permission before posting.</Body1>
      {message && (
        <MessageBar intent={message.intent}>
          <MessageBarBody>{message.text}</MessageBarBody>
        </MessageBar>
      )}
      {consent && (
        <MessageBar intent="info" data-testid="consent-prompt">
          <MessageBarBody>
            To check that the school email address is a real mailbox at your school, Online Safety Desk needs your permission to read basic profiles in your school's directory. You only need to give it once.
          </MessageBarBody>
          <MessageBarActions>
            <Button
              appearance="primary"
              disabled={!askConsent}
              onClick={() =>
                askConsent?.(consent.clientId, consent.scopes).then(
                  () => void save(),
                  () => setMessage({ intent: 'warning', text: 'Permission was not given, so the account was not saved. You can try again, or ask your IT provider to grant it for the whole school.' }),
                )
              }
            >
              Give permission
            </Button>
          </MessageBarActions>
        </MessageBar>
      )}
      {!accounts && !message && <Spinner label="Loading accounts…" />}
      {accounts && accounts.length === 0 && <Body1>No school accounts are registered yet.</Body1>}
      {accounts && accounts.length > 0 && (
        <Table aria-label="School accounts">
          <TableHeader>
            <TableRow>
              <TableHeaderCell>Account</TableHeaderCell>
              <TableHeaderCell>Purpose</TableHeaderCell>
              <TableHeaderCell>Owner</TableHeaderCell>
              <TableHeaderCell>School email</TableHeaderCell>
              <TableHeaderCell>Status</TableHeaderCell>
              {canManage && <TableHeaderCell>Change</TableHeaderCell>}
            </TableRow>
          </TableHeader>
          <TableBody>
            {accounts.map((account) => (
              <TableRow key={account.id} data-testid="account-row">
                <TableCell>
                  {account.platform} {account.handle}
                </TableCell>
                <TableCell>{account.purpose}</TableCell>
                <TableCell>{account.ownerName}</TableCell>
                <TableCell>{account.schoolEmail}</TableCell>
                <TableCell>
                  <Badge appearance="tint" color={account.active ? 'success' : 'informative'}>
                    {account.active ? 'In use' : 'Retired'}
                  </Badge>
                </TableCell>
                {canManage && (
                  <TableCell>
                    <Button size="small" onClick={() => setEditing({ id: account.id, version: account.version, draft: toDraft(account) })}>
                      Edit
                    </Button>
                  </TableCell>
                )}
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      {canManage && !editing && (
        <div>
          <Button appearance="primary" onClick={() => setEditing({ draft: { ...EMPTY, ownerId: owners[0]?.id ?? '' } })}>
            Register an account
          </Button>
        </div>
      )}
      {canManage && editing && (
        <form
          className={styles.form}
          aria-label={editing.id ? 'Change the account' : 'Register an account'}
          onSubmit={(event) => {
            event.preventDefault();
            void save();
          }}
        >
          {FIELDS.map((field) => {
            const value = String(editing.draft[field.key]);
            const change = (next: string) => setEditing({ ...editing, draft: { ...editing.draft, [field.key]: next } });
            return (
              <Field key={field.key} label={field.label} hint={field.hint} validationMessage={errors[field.key]} required>
                {field.multiline ? <Textarea value={value} onChange={(_, data) => change(data.value)} /> : <Input value={value} onChange={(_, data) => change(data.value)} />}
              </Field>
            );
          })}
          <Field label="Owner (the DSL or designated staff)" validationMessage={errors.ownerId} required>
            <Dropdown
              value={owners.find((owner) => owner.id === editing.draft.ownerId)?.displayName ?? ''}
              selectedOptions={[editing.draft.ownerId]}
              onOptionSelect={(_, data) => data.optionValue && setEditing({ ...editing, draft: { ...editing.draft, ownerId: data.optionValue } })}
            >
              {owners.map((owner) => (
                <Option key={owner.id} value={owner.id}>
                  {owner.displayName}
                </Option>
              ))}
            </Dropdown>
          </Field>
          <Switch label="In use (untick to retire the account; it is never deleted)" checked={editing.draft.active} onChange={(_, data) => setEditing({ ...editing, draft: { ...editing.draft, active: data.checked } })} />
          <div className={styles.buttons}>
            <Button appearance="primary" type="submit">
              Save
            </Button>
            <Button onClick={() => setEditing(undefined)}>Cancel</Button>
          </div>
        </form>
      )}
    </section>
  );
}

function toDraft(account: SocialAccount): Draft {
  const { id: _id, version: _version, ownerName: _owner, ...draft } = account;
  return draft;
}
