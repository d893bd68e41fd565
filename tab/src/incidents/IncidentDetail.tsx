import { Body1, Button, Card, MessageBar, MessageBarBody, Spinner, Subtitle2, Text, Title3, makeStyles, tokens, typographyStyles, useAnnounce } from '@fluentui/react-components';
import { useCallback, useEffect, useRef, useState, type ReactNode } from 'react';
import type { Credentials } from '../api';
import { GrowingBadge } from '../ui/GrowingBadge';
import { api, formatDate, formatDateTime, type IncidentDetail, type Status, type Step } from './incidents-api';
import { STATUS_COLOURS } from './IncidentList';
import { AddAction, Assign, CpomsReference, Police } from './IncidentStepForms';

const useStyles = makeStyles({
  layout: { display: 'grid', gridTemplateColumns: 'minmax(0, 3fr) minmax(260px, 2fr)', gap: '16px', '@media (max-width: 800px)': { gridTemplateColumns: 'minmax(0, 1fr)' } },
  column: { display: 'flex', flexDirection: 'column', gap: '16px' },
  facts: { display: 'grid', gridTemplateColumns: 'max-content minmax(0, 1fr)', gap: '6px 16px', margin: 0 },
  term: { fontWeight: tokens.fontWeightSemibold },
  text: { whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' },
  chronology: { listStyle: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: '10px' },
  entry: { borderLeft: `3px solid ${tokens.colorBrandStroke1}`, paddingLeft: '10px', display: 'flex', flexDirection: 'column', gap: '2px' },
  title: { display: 'flex', gap: '12px', alignItems: 'center', flexWrap: 'wrap' },
  row: { display: 'flex', gap: '8px', flexWrap: 'wrap', alignItems: 'flex-end' },
  statusNow: { margin: 0, ...typographyStyles.body1 },
  prompt: { color: tokens.colorPaletteDarkOrangeForeground1 },
});

const STATUS_BUTTONS: Record<Status, string> = { new: 'Mark new', inProgress: 'Mark in progress', actionTaken: 'Mark action taken', closed: 'Close' };

/** What the announcer says once a step is saved. */
function savedMessage(step: Step, after: IncidentDetail): string {
  switch (step.type) {
    case 'action': return 'Added to the chronology.';
    case 'status': return `Status changed to ${after.incident.statusLabel}.`;
    case 'assign': return `Assigned to ${after.incident.assigneeName ?? 'nobody'}.`;
    case 'cpoms': return 'CPOMS reference saved.';
    case 'police': return 'Police decision recorded.';
  }
}

/** One incident: its details, its chronology (append-only), and what the DSL can record next. */
export function IncidentDetailView({ credentials, id, onBack }: { credentials: Credentials; id: string; onBack(): void }) {
  const styles = useStyles();
  const { announce } = useAnnounce();
  const [detail, setDetail] = useState<IncidentDetail>();
  const [error, setError] = useState<string>();
  const [saving, setSaving] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);
  const newestEntry = useRef<HTMLLIElement>(null);
  const statusLine = useRef<HTMLParagraphElement>(null);
  // Where the focus goes once the saved step is on the screen: the new entry, or the new status.
  const focusNext = useRef<'newestEntry' | 'statusLine'>();

  const load = useCallback(() => api.detail(credentials, id).then((fresh) => (setDetail(fresh), fresh), (failure: Error) => (setError(failure.message), undefined)), [credentials, id]);
  useEffect(() => {
    void load();
  }, [load]);
  // Keyboard and screen-reader users land on the incident they opened, not back at the top.
  const opened = detail !== undefined;
  useEffect(() => {
    if (opened) heading.current?.focus();
  }, [opened]);
  useEffect(() => {
    if (focusNext.current) ({ newestEntry, statusLine })[focusNext.current].current?.focus();
    focusNext.current = undefined;
  }, [detail]);

  const record = async (step: Step): Promise<boolean> => {
    setSaving(true);
    setError(undefined);
    try {
      await api.step(credentials, id, step);
      focusNext.current = step.type === 'action' ? 'newestEntry' : step.type === 'status' ? 'statusLine' : undefined;
      const fresh = await load();
      if (fresh) announce(savedMessage(step, fresh));
      return true;
    } catch (failure) {
      // The error bar announces itself; the focus stays on the button that was pressed.
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
        <GrowingBadge appearance="filled" color={STATUS_COLOURS[incident.status]} data-testid="incident-status">{incident.statusLabel}</GrowingBadge>
        {incident.nobodyToldYet && <GrowingBadge appearance="filled" color="danger" data-testid="nobody-told">Nobody told yet</GrowingBadge>}
      </div>
      {incident.nobodyToldYet && (
        <MessageBar intent="warning" className="no-print">
          <MessageBarBody>Nobody who deals with this concern could be told of it yet (they have not opened Online Safety Desk in Teams, or blocked it). The app keeps trying every quarter of an hour.</MessageBarBody>
        </MessageBar>
      )}
      {error && <MessageBar key={error} intent="error" className="no-print"><MessageBarBody>{error}</MessageBarBody></MessageBar>}
      <div className={styles.layout}>
        <div className={styles.column}>
          <Card>
            <Subtitle2 as="h3" block>What was reported</Subtitle2>
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
            <Subtitle2 as="h3" block>Chronology</Subtitle2>
            <ol className={styles.chronology} data-testid="chronology">
              {chronology.map((entry, index) => (
                <li key={entry.id} className={styles.entry} tabIndex={-1} ref={index === chronology.length - 1 ? newestEntry : undefined}>
                  <Text weight="semibold">{formatDateTime(entry.at)} — {entry.byName}</Text>
                  <Body1 className={styles.text}>{entry.text}</Body1>
                </li>
              ))}
            </ol>
          </Card>
        </div>
        <div className={`${styles.column} no-print`}>
          <AddAction saving={saving} onSave={record} />
          <Card>
            <Subtitle2 as="h3" block>Status</Subtitle2>
            <p ref={statusLine} tabIndex={-1} className={styles.statusNow} data-testid="status-now">Now: {incident.statusLabel}</p>
            <div className={styles.row}>
              {detail.nextStatuses.map((to) => (
                <Button key={to} disabledFocusable={saving} onClick={() => void record({ type: 'status', to })}>{reopen ?? STATUS_BUTTONS[to]}</Button>
              ))}
            </div>
          </Card>
          {detail.canAssign && <Assign saving={saving} people={detail.assignable} current={incident.assigneeId} onSave={record} />}
          <CpomsReference key={incident.cpomsReference ?? ''} saving={saving} initial={incident.cpomsReference ?? ''} onSave={record} />
          <Police saving={saving} onSave={record} />
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

function ErrorBar({ text, onBack }: { text: string; onBack(): void }) {
  return (
    <MessageBar intent="error">
      <MessageBarBody>{text} <Button appearance="transparent" onClick={onBack}>Back to the log</Button></MessageBarBody>
    </MessageBar>
  );
}
