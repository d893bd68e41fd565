import {
  Button,
  Card,
  MessageBar,
  MessageBarBody,
  Spinner,
  Subtitle2,
  Title3,
  makeStyles,
  typographyStyles,
  useAnnounce,
} from '@fluentui/react-components';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { Credentials } from '../api';
import { GrowingBadge } from '../ui/GrowingBadge';
import { ApiError, api, type IncidentDetail, type Status, type Step } from './incidents-api';
import { IncidentRecord } from './IncidentRecord';
import { STATUS_COLOURS } from './IncidentList';
import { AddAction, Assign, CpomsReference, IcoDecision, Police } from './IncidentStepForms';

const useStyles = makeStyles({
  layout: {
    display: 'grid',
    gridTemplateColumns: 'minmax(0, 3fr) minmax(260px, 2fr)',
    gap: '16px',
    '@media (max-width: 800px)': { gridTemplateColumns: 'minmax(0, 1fr)' },
  },
  column: { display: 'flex', flexDirection: 'column', gap: '16px' },
  title: { display: 'flex', gap: '12px', alignItems: 'center', flexWrap: 'wrap' },
  row: { display: 'flex', gap: '8px', flexWrap: 'wrap', alignItems: 'flex-end' },
  statusNow: { margin: 0, ...typographyStyles.body1 },
});

const STATUS_BUTTONS: Record<Status, string> = {
  new: 'Mark new',
  inProgress: 'Mark in progress',
  actionTaken: 'Mark action taken',
  closed: 'Close',
};

/** What the announcer says once a step is saved. */
function savedMessage(step: Step, after: IncidentDetail): string {
  switch (step.type) {
    case 'action':
      return 'Added to the chronology.';
    case 'status':
      return `Status changed to ${after.incident.statusLabel}.`;
    case 'assign':
      return `Assigned to ${after.incident.assigneeName ?? 'nobody'}.`;
    case 'cpoms':
      return 'CPOMS reference saved.';
    case 'police':
      return 'Police decision recorded.';
    case 'link':
      return 'Linked, with their part.';
    case 'linkRole':
      return 'Part saved.';
    case 'unlink':
      return 'Unlinked.';
    case 'bodyMap':
      return 'Body map saved.';
    case 'followUpDone':
      return 'Follow-up marked done.';
    case 'ico':
      return 'Decision on reporting to the ICO recorded.';
  }
}

/** One incident: its details, its chronology (append-only), and what the DSL can record next. */
export function IncidentDetailView({
  credentials,
  id,
  onBack,
  onOpenPupil,
}: {
  credentials: Credentials;
  id: string;
  onBack(): void;
  onOpenPupil?(pupilId: string): void;
}) {
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

  /** Reads the incident again; resolves with it, or undefined when it could not be read (the error is shown). */
  const load = useCallback(async () => {
    try {
      const fresh = await api.detail(credentials, id);
      setDetail(fresh);
      return fresh;
    } catch (failure) {
      setError((failure as Error).message);
      return undefined;
    }
  }, [credentials, id]);
  useEffect(() => {
    void load();
  }, [load]);
  // Keyboard and screen-reader users land on the incident they opened, not back at the top.
  const opened = detail !== undefined;
  useEffect(() => {
    if (opened) heading.current?.focus();
  }, [opened]);
  useEffect(() => {
    const target = focusNext.current === 'newestEntry' ? newestEntry : focusNext.current === 'statusLine' ? statusLine : undefined;
    target?.current?.focus();
    focusNext.current = undefined;
  }, [detail]);

  const record = async (step: Step): Promise<boolean> => {
    if (!detail) return false;
    setSaving(true);
    setError(undefined);
    try {
      await api.step(credentials, id, step, detail.incident.version);
      focusNext.current = step.type === 'action' ? 'newestEntry' : step.type === 'status' ? 'statusLine' : undefined;
      const fresh = await load();
      if (fresh) announce(savedMessage(step, fresh));
      return true;
    } catch (failure) {
      // The error bar announces itself; the focus stays on the button that was pressed. Someone
      // else's change (409) comes with the incident as it is now, shown at once, as the accounts page does.
      setError((failure as Error).message);
      const now = failure instanceof ApiError ? (failure as ApiError<{ detail: IncidentDetail }>).body.detail : undefined;
      if (now) setDetail(now);
      else await load();
      return false;
    } finally {
      setSaving(false);
    }
  };

  if (!detail) return error ? <ErrorBar text={error} onBack={onBack} /> : <Spinner label="Opening the incident…" />;
  const { incident } = detail;
  const reopen = incident.status === 'closed' ? 'Reopen' : undefined;

  return (
    <article className={styles.column} aria-label={`Incident ${incident.reference}`}>
      <div className={`${styles.row} no-print`}>
        <Button onClick={onBack}>← Back to the log</Button>
        <Button onClick={() => window.print()}>Print report</Button>
      </div>
      <div className={styles.title}>
        <h2 ref={heading} tabIndex={-1} style={{ margin: 0 }}>
          <Title3>
            {incident.reference}: {incident.categoryLabel}
          </Title3>
        </h2>
        <GrowingBadge appearance="filled" color={STATUS_COLOURS[incident.status]} data-testid="incident-status">
          {incident.statusLabel}
        </GrowingBadge>
        {incident.nobodyToldYet && (
          <GrowingBadge appearance="filled" color="danger" data-testid="nobody-told">
            Nobody told yet
          </GrowingBadge>
        )}
        {detail.late.map((text) => (
          <GrowingBadge key={text} appearance="filled" color="warning" data-testid="late">
            {text}
          </GrowingBadge>
        ))}
      </div>
      {incident.nobodyToldYet && (
        <MessageBar intent="warning" className="no-print">
          <MessageBarBody>
            Nobody who deals with this concern could be told of it yet (they have not opened Online Safety Desk in Teams, or blocked it).
            The app keeps trying every quarter of an hour.
          </MessageBarBody>
        </MessageBar>
      )}
      {error && (
        <MessageBar key={error} intent="error" className="no-print">
          <MessageBarBody>{error}</MessageBarBody>
        </MessageBar>
      )}
      <div className={styles.layout}>
        <div className={styles.column}>
          <IncidentRecord
            detail={detail}
            newestEntryRef={newestEntry}
            credentials={credentials}
            saving={saving}
            onSave={record}
            onReload={load}
            {...(onOpenPupil ? { onOpenPupil } : {})}
          />
        </div>
        <div className={`${styles.column} no-print`}>
          <AddAction
            key={detail.incident.id}
            saving={saving}
            onSave={record}
            people={detail.mayFollowUp}
            defaultFor={incident.assigneeId}
          />
          <Card>
            <Subtitle2 as="h3" block>
              Status
            </Subtitle2>
            <p ref={statusLine} tabIndex={-1} className={styles.statusNow} data-testid="status-now">
              Now: {incident.statusLabel}
            </p>
            <div className={styles.row}>
              {detail.nextStatuses.map((to) => (
                <Button key={to} disabledFocusable={saving} onClick={() => void record({ type: 'status', to })}>
                  {reopen ?? STATUS_BUTTONS[to]}
                </Button>
              ))}
            </div>
          </Card>
          {detail.canAssign && <Assign saving={saving} people={detail.assignable} current={incident.assigneeId} onSave={record} />}
          <CpomsReference key={incident.cpomsReference ?? ''} saving={saving} initial={incident.cpomsReference ?? ''} onSave={record} />
          <Police saving={saving} onSave={record} allowed={detail.police} />
          {incident.category === 'dataProtectionBreach' && (
            <IcoDecision {...(detail.ico ? { clock: detail.ico } : {})} saving={saving} onSave={record} />
          )}
        </div>
      </div>
    </article>
  );
}

function ErrorBar({ text, onBack }: { text: string; onBack(): void }) {
  return (
    <MessageBar intent="error">
      <MessageBarBody>
        {text}{' '}
        <Button appearance="transparent" onClick={onBack}>
          Back to the log
        </Button>
      </MessageBarBody>
    </MessageBar>
  );
}
