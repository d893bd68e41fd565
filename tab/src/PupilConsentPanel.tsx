import {
  Body1,
  Button,
  Field,
  Input,
  Link,
  MessageBar,
  MessageBarBody,
  Select,
  Spinner,
  Subtitle2,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import { getJson, postJson, type ConsentEvent, type Credentials } from './api';
import { schoolToday } from './school-today';
import { longDate, shortDate } from './ui/dates';

const useStyles = makeStyles({
  panel: {
    display: 'flex',
    flexDirection: 'column',
    gap: '12px',
    padding: '12px',
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  form: { display: 'flex', gap: '12px', alignItems: 'flex-end', flexWrap: 'wrap' },
  // A post's address breaks anywhere on a phone rather than widening the register's table.
  links: { overflowWrap: 'anywhere', margin: 0, paddingInlineStart: '20px' },
});

/** One pupil's consent history, and for the admin team the form to record a consent form or a written notice. */
interface Takedown {
  id: string;
  link: string;
  urgent: boolean;
}

export function PupilConsentPanel({
  id,
  pupil,
  credentials,
  canRecord,
  onRecorded,
}: {
  id: string;
  pupil: { pupilId: string; displayName: string };
  credentials: Credentials;
  canRecord: boolean;
  onRecorded: () => void;
}) {
  const styles = useStyles();
  const [history, setHistory] = useState<ConsentEvent[]>();
  const [media, setMedia] = useState<'images' | 'videos'>('images');
  const [decision, setDecision] = useState<'refused' | 'given'>('refused');
  const [received, setReceived] = useState(schoolToday());
  const [outcome, setOutcome] = useState<{ message: string; takedowns: Takedown[]; pending: boolean; at: number }>();
  const [error, setError] = useState<string>();

  const loadHistory = () =>
    getJson<{ events: ConsentEvent[] }>(`/api/pupils/${pupil.pupilId}/consent`, credentials).then(
      ({ events }) => setHistory(events),
      (failure: Error) => setError(failure.message),
    );
  useEffect(() => {
    void loadHistory();
  }, []);

  const save = async () => {
    setError(undefined);
    setOutcome(undefined);
    try {
      const result = await postJson<{ takedowns: Takedown[]; takedownsPending: boolean }>('/api/consent', credentials, {
        pupilId: pupil.pupilId,
        media,
        decision,
        effectiveFrom: received,
        source: decision === 'refused' ? 'written notice' : 'consent form',
      });
      const from = longDate(received);
      setOutcome({
        message: `Saved: ${media} ${decision === 'refused' ? 'withdrawn or refused' : 'given'} from ${from}.`,
        takedowns: result.takedowns,
        pending: result.takedownsPending,
        at: Date.now(),
      });
      await loadHistory();
      onRecorded();
    } catch (failure) {
      setError((failure as Error).message);
    }
  };

  return (
    <section id={id} className={styles.panel} aria-label={`Consent history of ${pupil.displayName}`}>
      <Subtitle2 as="h2" block>
        {pupil.displayName}: consent history
      </Subtitle2>
      {!history && <Spinner size="tiny" label="Loading history…" />}
      {history && history.length === 0 && <Body1>No consent form has been recorded.</Body1>}
      {history && history.length > 0 && (
        <ul data-testid="consent-history">
          {history.map((event) => (
            <li key={event.id}>
              {shortDate(event.effectiveFrom)}: {event.media} {event.decision} ({event.source}, recorded by {event.recordedBy})
            </li>
          ))}
        </ul>
      )}
      {canRecord && (
        <div className={styles.form}>
          <Field label="Medium">
            <Select aria-label="Medium" value={media} onChange={(_, data) => setMedia(data.value as 'images' | 'videos')}>
              <option value="images">Images</option>
              <option value="videos">Videos</option>
            </Select>
          </Field>
          <Field label="Decision">
            <Select aria-label="Decision" value={decision} onChange={(_, data) => setDecision(data.value as 'refused' | 'given')}>
              <option value="refused">Withdrawn or refused (written notice)</option>
              <option value="given">Given (consent form)</option>
            </Select>
          </Field>
          <Field label="Date received">
            <Input type="date" aria-label="Date received" value={received} onChange={(_, data) => setReceived(data.value)} />
          </Field>
          <Button appearance="primary" onClick={() => void save()}>
            Record
          </Button>
        </div>
      )}
      {/* Multi-line from the start: inside the register's table a one-line bar would widen the table instead of wrapping. */}
      {error && (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>{error}</MessageBarBody>
        </MessageBar>
      )}
      {/* A new bar for each result, so that each one is announced (the bar announces itself when it appears). */}
      {outcome && (
        <MessageBar
          key={outcome.at}
          layout="multiline"
          intent={outcome.takedowns.length || outcome.pending ? 'warning' : 'success'}
          data-testid="consent-outcome"
        >
          <MessageBarBody>
            {outcome.message}{' '}
            {outcome.pending &&
              'Some takedown tasks could not be made just now (the records could not be reached); they are made automatically by the next daily check. '}
            {outcome.takedowns.length > 0 && (
              <>
                Take down these posts where you can (the account owner has been given the tasks
                {outcome.takedowns.some((task) => task.urgent) &&
                  '; an urgent one went up after consent stopped, and the DSL has been told'}
                ):{' '}
                <ul data-testid="takedown-list" className={styles.links}>
                  {outcome.takedowns.map((task) => (
                    <li key={task.id}>
                      {task.urgent && <strong>Urgent: </strong>}
                      <Link href={task.link} target="_blank" rel="noreferrer">
                        {task.link}
                      </Link>
                      {/* A space between the links when the list is announced as one text. */}{' '}
                    </li>
                  ))}
                </ul>
              </>
            )}
          </MessageBarBody>
        </MessageBar>
      )}
    </section>
  );
}
