import {
  Badge, Body1, Button, Card, Field, Input, MessageBar, MessageBarBody, Radio, RadioGroup, Select, Spinner, Subtitle2, Text, Textarea, Title3, makeStyles, tokens,
} from '@fluentui/react-components';
import { useCallback, useEffect, useRef, useState, type FormEvent, type ReactNode } from 'react';
import type { Credentials } from '../api';
import { api, formatDate, formatDateTime, type IncidentDetail, type Status, type Step } from './incidents-api';
import { STATUS_COLOURS } from './IncidentList';

const useStyles = makeStyles({
  layout: { display: 'grid', gridTemplateColumns: 'minmax(0, 3fr) minmax(260px, 2fr)', gap: '16px', '@media (max-width: 800px)': { gridTemplateColumns: '1fr' } },
  column: { display: 'flex', flexDirection: 'column', gap: '16px' },
  facts: { display: 'grid', gridTemplateColumns: 'max-content 1fr', gap: '6px 16px', margin: 0 },
  term: { fontWeight: tokens.fontWeightSemibold },
  text: { whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' },
  chronology: { listStyle: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: '10px' },
  entry: { borderLeft: `3px solid ${tokens.colorBrandStroke1}`, paddingLeft: '10px', display: 'flex', flexDirection: 'column', gap: '2px' },
  title: { display: 'flex', gap: '12px', alignItems: 'center', flexWrap: 'wrap' },
  form: { display: 'flex', flexDirection: 'column', gap: '8px' },
  row: { display: 'flex', gap: '8px', flexWrap: 'wrap', alignItems: 'flex-end' },
  prompt: { color: tokens.colorPaletteDarkOrangeForeground1 },
});

const STATUS_BUTTONS: Record<Status, string> = { new: 'Mark new', inProgress: 'Mark in progress', actionTaken: 'Mark action taken', closed: 'Close' };

/** One incident: its details, its chronology (append-only), and what the DSL can record next. */
export function IncidentDetailView({ credentials, id, onBack }: { credentials: Credentials; id: string; onBack(): void }) {
  const styles = useStyles();
  const [detail, setDetail] = useState<IncidentDetail>();
  const [error, setError] = useState<string>();
  const [saving, setSaving] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);

  const load = useCallback(() => api.detail(credentials, id).then(setDetail, (failure: Error) => setError(failure.message)), [credentials, id]);
  useEffect(() => {
    void load();
  }, [load]);
  // Keyboard and screen-reader users land on the incident they opened, not back at the top.
  const opened = detail !== undefined;
  useEffect(() => {
    if (opened) heading.current?.focus();
  }, [opened]);

  const record = async (step: Step): Promise<boolean> => {
    setSaving(true);
    setError(undefined);
    try {
      await api.step(credentials, id, step);
      await load();
      return true;
    } catch (failure) {
      setError((failure as Error).message);
      await load();
      return false;
    } finally {
      setSaving(false);
    }
  };

  if (!detail) return error ? <ErrorBar text={error} onBack={onBack} /> : <Spinner label="Opening the incident…" />;
  const { incident, chronology, routing } = detail;
  const reopen = incident.status === 'closed' ? 'Reopen' : undefined;

  return (
    <article className={styles.column} aria-label={`Incident ${incident.reference}`}>
      <div className={`${styles.row} no-print`}>
        <Button onClick={onBack}>← Back to the log</Button>
        <Button onClick={() => window.print()}>Print report</Button>
      </div>
      <div className={styles.title}>
        <h2 ref={heading} tabIndex={-1} style={{ margin: 0 }}><Title3>{incident.reference}: {incident.categoryLabel}</Title3></h2>
        <Badge appearance="filled" color={STATUS_COLOURS[incident.status]} data-testid="incident-status">{incident.statusLabel}</Badge>
        {incident.nobodyToldYet && <Badge appearance="filled" color="danger" data-testid="nobody-told">Nobody told yet</Badge>}
      </div>
      {incident.nobodyToldYet && (
        <MessageBar intent="warning" className="no-print">
          <MessageBarBody>Nobody who deals with this concern could be told of it yet (they have not opened Online Safety Desk in Teams, or blocked it). The app keeps trying every quarter of an hour.</MessageBarBody>
        </MessageBar>
      )}
      {error && <MessageBar intent="error" className="no-print"><MessageBarBody>{error}</MessageBarBody></MessageBar>}
      <div className={styles.layout}>
        <div className={styles.column}>
          <Card>
            <Subtitle2 as="h3">What was reported</Subtitle2>
            <Body1 className={styles.text} data-testid="what-happened">{incident.whatHappened}</Body1>
            <dl className={styles.facts}>
              <Fact term="Happened on">{formatDate(incident.occurredOn)}</Fact>
              <Fact term="Where">{incident.where}{incident.platform ? ` — ${incident.platform}` : ''}</Fact>
              <Fact term="Who is involved">{incident.involved}</Fact>
              <Fact term="Reported by">{incident.reporterName}, {formatDateTime(incident.reportedAt)}</Fact>
              {incident.sourceMessage && <Fact term="Teams message">{incident.sourceMessage.author} — <a href={incident.sourceMessage.link} target="_blank" rel="noreferrer">open the message</a></Fact>}
              <Fact term="Routed to">{incident.routedToLabel}{incident.aboutHeadteacher ? ' (a concern about the headteacher: hidden from the headteacher)' : ''}</Fact>
              <Fact term="Procedure">{routing.procedure} (policy {routing.policy})</Fact>
              <Fact term="Assigned to">{incident.assigneeName ?? 'nobody yet'}</Fact>
              <Fact term="CPOMS reference">{incident.cpomsReference ?? 'not recorded'}</Fact>
              <Fact term="Police">{incident.police ? `${incident.police.contacted ? 'Contacted' : 'Not contacted'} — decided by ${incident.police.decidedBy}: ${incident.police.reason}` : 'no decision recorded'}</Fact>
            </dl>
            {routing.prompt && <Body1 className={styles.prompt} role="note">{routing.prompt}</Body1>}
          </Card>
          <Card>
            <Subtitle2 as="h3">Chronology</Subtitle2>
            <ol className={styles.chronology} data-testid="chronology">
              {chronology.map((entry) => (
                <li key={entry.id} className={styles.entry}>
                  <Text weight="semibold">{formatDateTime(entry.at)} — {entry.byName}</Text>
                  <Body1 className={styles.text}>{entry.text}</Body1>
                </li>
              ))}
            </ol>
          </Card>
        </div>
        <div className={`${styles.column} no-print`}>
          <AddAction saving={saving} onAdd={(text) => record({ type: 'action', text })} />
          <Card>
            <Subtitle2 as="h3">Status</Subtitle2>
            <div className={styles.row}>
              {detail.nextStatuses.map((to) => (
                <Button key={to} disabled={saving} onClick={() => record({ type: 'status', to })}>{reopen ?? STATUS_BUTTONS[to]}</Button>
              ))}
            </div>
          </Card>
          {detail.canAssign && <Assign saving={saving} people={detail.assignable} current={incident.assigneeId} onAssign={(personId) => record({ type: 'assign', personId })} />}
          <OneLine label="CPOMS reference" button="Save reference" saving={saving} initial={incident.cpomsReference ?? ''} onSave={(reference) => record({ type: 'cpoms', reference })} />
          <Police saving={saving} onSave={(step) => record(step)} />
        </div>
      </div>
    </article>
  );
}

function Fact({ term, children }: { term: string; children: ReactNode }) {
  const styles = useStyles();
  return (
    <>
      <dt className={styles.term}>{term}</dt>
      <dd style={{ margin: 0 }}>{children}</dd>
    </>
  );
}

function AddAction({ saving, onAdd }: { saving: boolean; onAdd(text: string): Promise<boolean> }) {
  const styles = useStyles();
  const [text, setText] = useState('');
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (text.trim() && (await onAdd(text.trim()))) setText('');
  };
  return (
    <Card>
      <form className={styles.form} onSubmit={submit}>
        <Field label="Add an action" hint="Who you spoke to, what was done. It is added to the chronology and cannot be changed later.">
          <Textarea value={text} onChange={(_, data) => setText(data.value)} resize="vertical" maxLength={2000} />
        </Field>
        <Button type="submit" appearance="primary" disabled={saving || !text.trim()}>Add to the chronology</Button>
      </form>
    </Card>
  );
}

function Assign({ saving, people, current, onAssign }: { saving: boolean; people: { id: string; displayName: string }[]; current: string | null; onAssign(id: string): Promise<boolean> }) {
  const styles = useStyles();
  const [personId, setPersonId] = useState(people.find((person) => person.id === current)?.id ?? people[0]?.id ?? '');
  return (
    <Card>
      <div className={styles.row}>
        <Field label="Assign to">
          <Select value={personId} onChange={(_, data) => setPersonId(data.value)}>
            {people.map((person) => <option key={person.id} value={person.id}>{person.displayName}</option>)}
          </Select>
        </Field>
        <Button disabled={saving || !personId || personId === current} onClick={() => onAssign(personId)}>Assign</Button>
      </div>
    </Card>
  );
}

function OneLine({ label, button, saving, initial, onSave }: { label: string; button: string; saving: boolean; initial: string; onSave(value: string): Promise<boolean> }) {
  const styles = useStyles();
  const [value, setValue] = useState(initial);
  return (
    <Card>
      <form className={styles.row} onSubmit={(event) => { event.preventDefault(); void onSave(value.trim()); }}>
        <Field label={label}>
          <Input value={value} onChange={(_, data) => setValue(data.value)} maxLength={50} />
        </Field>
        <Button type="submit" disabled={saving || !value.trim() || value.trim() === initial}>{button}</Button>
      </form>
    </Card>
  );
}

function Police({ saving, onSave }: { saving: boolean; onSave(step: Step): Promise<boolean> }) {
  const styles = useStyles();
  const [contacted, setContacted] = useState<'yes' | 'no'>('no');
  const [decidedBy, setDecidedBy] = useState('');
  const [reason, setReason] = useState('');
  const ready = decidedBy.trim() && reason.trim();
  return (
    <Card>
      <form className={styles.form} onSubmit={async (event) => { event.preventDefault(); if (ready && (await onSave({ type: 'police', contacted: contacted === 'yes', decidedBy: decidedBy.trim(), reason: reason.trim() }))) setReason(''); }}>
        <Subtitle2 as="h3">Police</Subtitle2>
        <RadioGroup layout="horizontal" value={contacted} onChange={(_, data) => setContacted(data.value as 'yes' | 'no')} aria-label="Police contacted">
          <Radio value="yes" label="Contacted" />
          <Radio value="no" label="Not contacted" />
        </RadioGroup>
        <Field label="Who decided"><Input value={decidedBy} onChange={(_, data) => setDecidedBy(data.value)} maxLength={200} /></Field>
        <Field label="Why" hint="Avoid criminalising pupils for inadvertent behaviour (policy s.8): the DSL decides.">
          <Textarea value={reason} onChange={(_, data) => setReason(data.value)} maxLength={2000} />
        </Field>
        <Button type="submit" disabled={saving || !ready}>Record the decision</Button>
      </form>
    </Card>
  );
}

function ErrorBar({ text, onBack }: { text: string; onBack(): void }) {
  return (
    <MessageBar intent="error">
      <MessageBarBody>{text} <Button appearance="transparent" onClick={onBack}>Back to the log</Button></MessageBarBody>
    </MessageBar>
  );
}
