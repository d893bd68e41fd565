import {
  Body1,
  Button,
  Card,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Select,
  Spinner,
  Subtitle2,
  Text,
  makeStyles,
} from '@fluentui/react-components';
import { useCallback, useEffect, useState, type FormEvent } from 'react';
import type { Credentials } from '../api';
import { schoolToday } from '../school-today';
import { GrowingBadge } from '../ui/GrowingBadge';
import { api, formatDate, formatDateTime, type TransferListJson, type TransferRowJson } from './incidents-api';

const useStyles = makeStyles({
  column: { display: 'flex', flexDirection: 'column', gap: '16px' },
  row: { display: 'flex', gap: '8px', flexWrap: 'wrap', alignItems: 'center' },
  list: { listStyle: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: '12px' },
  form: { display: 'flex', flexDirection: 'column', gap: '10px', maxWidth: '480px' },
});

/**
 * Pupils who have left with a safeguarding file to send to their next school (KCSIE: within 5
 * school days, securely, confirmation of receipt obtained), and those already sent: the file as a
 * PDF or a zip for secure transfer, and the record of when, to whom and how it was sent.
 */
export function PupilTransfers({ credentials }: { credentials: Credentials }) {
  const styles = useStyles();
  const [list, setList] = useState<TransferListJson>();
  const [error, setError] = useState<string>();
  const [notice, setNotice] = useState<string>();
  const load = useCallback(() => api.transfers(credentials).then(setList, (failure: Error) => setError(failure.message)), [credentials]);
  useEffect(() => {
    void load();
  }, [load]);

  if (error)
    return (
      <MessageBar intent="error">
        <MessageBarBody>{error}</MessageBarBody>
      </MessageBar>
    );
  if (!list) return <Spinner label="Loading the pupils who have left…" />;
  const toSend = list.rows.filter((row) => row.status === 'toSend');
  const sent = list.rows.filter((row) => row.status === 'sent');
  return (
    <section className={styles.column} aria-labelledby="transfers-heading" data-testid="pupil-transfers">
      <Subtitle2 as="h2" id="transfers-heading" block>
        Pupils who have left — file to transfer
      </Subtitle2>
      <Body1>
        When a pupil linked to a concern leaves, send their safeguarding file to the DSL of their new school within 5 school days (Keeping
        Children Safe in Education), securely and separately from the main pupil file, and get a receipt. Other pupils are named “another
        pupil” in the file. Then record it sent: the receiving school keeps the file from then on, and this school keeps the record of the
        transfer.
      </Body1>
      {notice && (
        <MessageBar intent="success" data-testid="transfer-recorded">
          <MessageBarBody>{notice}</MessageBarBody>
        </MessageBar>
      )}
      {toSend.length === 0 ? (
        <Body1 data-testid="no-transfers">No pupil who has left has a safeguarding file waiting to be sent.</Body1>
      ) : (
        <ul className={styles.list} aria-label="Files to send">
          {toSend.map((row) => (
            <TransferCard
              key={row.pupilId}
              row={row}
              methods={list.methods}
              credentials={credentials}
              onRecorded={(text) => {
                setNotice(text);
                void load();
              }}
            />
          ))}
        </ul>
      )}
      {sent.length > 0 && (
        <>
          <Subtitle2 as="h3" block>
            Files sent
          </Subtitle2>
          <ul className={styles.list} aria-label="Files sent">
            {sent.map((row) => (
              <TransferCard key={row.pupilId} row={row} methods={list.methods} credentials={credentials} onRecorded={setNotice} />
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

function TransferCard({
  row,
  methods,
  credentials,
  onRecorded,
}: {
  row: TransferRowJson;
  methods: TransferListJson['methods'];
  credentials: Credentials;
  onRecorded(text: string): void;
}) {
  const styles = useStyles();
  const [recording, setRecording] = useState(false);
  const [problem, setProblem] = useState<string>();
  const download = (extension: 'pdf' | 'zip') => {
    setProblem(undefined);
    api.transferFile(credentials, row.pupilId, extension).catch((failure: Error) => setProblem(failure.message));
  };
  return (
    <li>
      <Card aria-label={`${row.displayName}, ${row.className}`} data-testid="transfer-row">
        <div className={styles.row}>
          <Text weight="semibold">{row.displayName}</Text>
          <Text>
            {row.className}, {row.yearGroup} · left on {formatDate(row.leftOn)} · {row.incidents} incident{row.incidents === 1 ? '' : 's'}
          </Text>
          <GrowingBadge color={row.status === 'sent' ? 'success' : 'warning'}>{row.status === 'sent' ? 'Sent' : 'To send'}</GrowingBadge>
        </div>
        {row.sent && (
          <Body1 data-testid="transfer-sent">
            File transferred on {formatDate(row.sent.on)} to {row.sent.toDsl}, {row.sent.toSchool} ({row.sent.howLabel}); recorded by{' '}
            {row.sent.recordedByName} on {formatDateTime(row.sent.recordedAt)}.
          </Body1>
        )}
        <div className={styles.row}>
          <Button onClick={() => download('pdf')} aria-label={`Download the file (PDF) of ${row.displayName}`}>
            Download the file (PDF)
          </Button>
          <Button
            onClick={() => download('zip')}
            aria-label={`Download for secure transfer (zip) the file of ${row.displayName}, with the evidence`}
          >
            Download for secure transfer (zip)
          </Button>
          {row.status === 'toSend' && !recording && (
            <Button appearance="primary" onClick={() => setRecording(true)}>
              Record it sent…
            </Button>
          )}
        </div>
        {problem && (
          <MessageBar intent="error">
            <MessageBarBody>{problem}</MessageBarBody>
          </MessageBar>
        )}
        {recording && (
          <RecordSentForm
            row={row}
            methods={methods}
            credentials={credentials}
            onCancel={() => setRecording(false)}
            onRecorded={onRecorded}
          />
        )}
      </Card>
    </li>
  );
}

type Fields = { on: string; toSchool: string; toDsl: string; how: string };

function RecordSentForm({
  row,
  methods,
  credentials,
  onCancel,
  onRecorded,
}: {
  row: TransferRowJson;
  methods: TransferListJson['methods'];
  credentials: Credentials;
  onCancel(): void;
  onRecorded(text: string): void;
}) {
  const styles = useStyles();
  const [fields, setFields] = useState<Fields>({ on: schoolToday(), toSchool: '', toDsl: '', how: '' });
  const [problems, setProblems] = useState<Partial<Fields>>({});
  const [failure, setFailure] = useState<{ text: string; stale: boolean }>();
  const [saving, setSaving] = useState(false);
  const set = (field: keyof Fields) => (value: string) => setFields((before) => ({ ...before, [field]: value }));
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSaving(true);
    setFailure(undefined);
    try {
      const answer = await api.recordTransfer(credentials, row.pupilId, { ...fields, version: row.version });
      if (answer.ok)
        return onRecorded(
          `Recorded: the file of ${row.displayName} was sent on ${formatDate(fields.on)} to ${fields.toDsl.trim()}, ${fields.toSchool.trim()}.`,
        );
      const problems = (answer.body.problems ?? {}) as Partial<Fields>;
      setProblems(problems);
      setFailure({
        text:
          Object.keys(problems).length > 0
            ? 'Nothing was recorded: the fields marked say what is missing.'
            : (answer.body.error ?? 'The transfer was not recorded.'),
        stale: answer.status === 409,
      });
    } catch (error) {
      setFailure({ text: (error as Error).message, stale: false });
    } finally {
      setSaving(false);
    }
  };
  const error = (field: keyof Fields) => (problems[field] ? { validationState: 'error' as const, validationMessage: problems[field] } : {});
  return (
    <form
      className={styles.form}
      onSubmit={(event) => void submit(event)}
      aria-label={`Record the file of ${row.displayName} sent`}
      noValidate
    >
      <Field label="Sent on" required {...error('on')}>
        <Input type="date" value={fields.on} max={schoolToday()} onChange={(_, data) => set('on')(data.value)} />
      </Field>
      <Field label="Receiving school" required {...error('toSchool')}>
        <Input value={fields.toSchool} onChange={(_, data) => set('toSchool')(data.value)} />
      </Field>
      <Field label="Their DSL (who it was sent to)" required {...error('toDsl')}>
        <Input value={fields.toDsl} onChange={(_, data) => set('toDsl')(data.value)} />
      </Field>
      <Field label="How it was sent" required hint="Never by ordinary post, and never with a parent." {...error('how')}>
        <Select value={fields.how} onChange={(_, data) => set('how')(data.value)}>
          <option value="">Choose how…</option>
          {methods.map((method) => (
            <option key={method.value} value={method.value}>
              {method.label}
            </option>
          ))}
        </Select>
      </Field>
      {failure && (
        <MessageBar
          intent={failure.stale ? 'warning' : 'error'}
          layout="multiline"
          data-testid={failure.stale ? 'transfer-stale' : 'transfer-error'}
        >
          <MessageBarBody>
            {failure.text}
            {failure.stale && (
              <>
                {' '}
                <Button appearance="transparent" onClick={() => onRecorded('The list now shows the transfer as it was recorded.')}>
                  Show the transfer as it is now
                </Button>
              </>
            )}
          </MessageBarBody>
        </MessageBar>
      )}
      <div className={styles.row}>
        <Button appearance="primary" type="submit" disabled={saving}>
          {saving ? 'Recording…' : 'Record the transfer'}
        </Button>
        <Button onClick={onCancel}>Cancel</Button>
      </div>
    </form>
  );
}
