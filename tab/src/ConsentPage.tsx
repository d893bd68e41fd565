import {
  Badge,
  Body1,
  Button,
  Dropdown,
  Field,
  Input,
  Link,
  MessageBar,
  MessageBarBody,
  Option,
  Select,
  Spinner,
  Subtitle2,
  Switch,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import { getJson, postJson, type ClassConsent, type ConsentEvent, type ConsentState, type Credentials } from './api';

const useStyles = makeStyles({
  page: { display: 'flex', flexDirection: 'column', gap: '16px' },
  controls: { display: 'flex', gap: '16px', alignItems: 'flex-end', flexWrap: 'wrap' },
  panel: { display: 'flex', flexDirection: 'column', gap: '12px', padding: '16px', border: `1px solid ${tokens.colorNeutralStroke2}`, borderRadius: tokens.borderRadiusMedium },
  form: { display: 'flex', gap: '12px', alignItems: 'flex-end', flexWrap: 'wrap' },
  row: { cursor: 'pointer' },
});

const MARKS: Record<ConsentState, { label: string; color: 'success' | 'danger' | 'warning' | 'informative' }> = {
  given: { label: '✓ Yes', color: 'success' },
  refused: { label: '✗ No', color: 'danger' },
  withdrawn: { label: 'Withdrawn', color: 'warning' },
  none: { label: 'None recorded', color: 'danger' },
};

type Pupil = NonNullable<ClassConsent['pupils']>[number];

/** The consent register (policy s.4): what staff check before taking photos; the admin team keeps it up to date. */
export function ConsentPage({ credentials, canRecord }: { credentials: Credentials; canRecord: boolean }) {
  const styles = useStyles();
  const [classes, setClasses] = useState<string[]>();
  const [className, setClassName] = useState<string>();
  const [register, setRegister] = useState<ClassConsent>();
  const [onlyMissing, setOnlyMissing] = useState(false);
  const [selected, setSelected] = useState<Pupil>();
  const [error, setError] = useState<string>();

  useEffect(() => {
    getJson<{ classes: string[] }>('/api/classes', credentials)
      .then(({ classes: found }) => {
        setClasses(found);
        setClassName((current) => current ?? found[0]);
      })
      .catch((failure: Error) => setError(failure.message));
  }, [credentials]);

  const load = (name: string) => {
    setRegister(undefined);
    getJson<ClassConsent>(`/api/consent?className=${encodeURIComponent(name)}`, credentials).then(setRegister, (failure: Error) => setError(failure.message));
  };
  useEffect(() => {
    if (className) load(className);
  }, [className, credentials]);

  const pupils = (register?.pupils ?? []).filter((pupil) => !onlyMissing || pupil.consent.images !== 'given' || pupil.consent.videos !== 'given');

  return (
    <section className={styles.page} aria-label="Photo and video consent">
      <Body1>Only pupils marked ✓ may appear in that medium on school accounts (Social Media Policy, section 4).</Body1>
      {error && (
        <MessageBar intent="error">
          <MessageBarBody>{error}</MessageBarBody>
        </MessageBar>
      )}
      <div className={styles.controls}>
        <Field label="Class">
          <Dropdown aria-label="Class" value={className ?? ''} selectedOptions={className ? [className] : []} onOptionSelect={(_, data) => data.optionValue && setClassName(data.optionValue)}>
            {(classes ?? []).map((name) => (
              <Option key={name} value={name}>
                {name}
              </Option>
            ))}
          </Dropdown>
        </Field>
        <Switch label="Only pupils without full consent" checked={onlyMissing} onChange={(_, data) => setOnlyMissing(data.checked)} />
      </div>
      {!register && !error && <Spinner label="Loading the register…" />}
      {register && (
        <Table aria-label="Consent register" size="small">
          <TableHeader>
            <TableRow>
              <TableHeaderCell>Pupil</TableHeaderCell>
              <TableHeaderCell>Images</TableHeaderCell>
              <TableHeaderCell>Videos</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {pupils.map((pupil) => (
              <TableRow key={pupil.pupilId} data-testid="consent-row" className={styles.row} onClick={() => setSelected(pupil)} aria-selected={selected?.pupilId === pupil.pupilId}>
                <TableCell>
                  <Link as="button" onClick={() => setSelected(pupil)}>
                    {pupil.displayName}
                  </Link>
                </TableCell>
                {(['images', 'videos'] as const).map((media) => (
                  <TableCell key={media}>
                    <Badge appearance="tint" color={MARKS[pupil.consent[media]].color}>
                      {MARKS[pupil.consent[media]].label}
                    </Badge>
                  </TableCell>
                ))}
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      {register && pupils.length === 0 && <Body1>Every pupil in {className} has consent for images and videos.</Body1>}
      {selected && <PupilPanel key={selected.pupilId} pupil={selected} credentials={credentials} canRecord={canRecord} onRecorded={() => className && load(className)} />}
    </section>
  );
}

function PupilPanel({ pupil, credentials, canRecord, onRecorded }: { pupil: Pupil; credentials: Credentials; canRecord: boolean; onRecorded: () => void }) {
  const styles = useStyles();
  const [history, setHistory] = useState<ConsentEvent[]>();
  const [media, setMedia] = useState<'images' | 'videos'>('images');
  const [decision, setDecision] = useState<'refused' | 'given'>('refused');
  const [received, setReceived] = useState(new Date().toISOString().slice(0, 10));
  const [outcome, setOutcome] = useState<{ message: string; takedowns: { id: string; link: string }[] }>();
  const [error, setError] = useState<string>();

  const loadHistory = () => getJson<{ events: ConsentEvent[] }>(`/api/pupils/${pupil.pupilId}/consent`, credentials).then(({ events }) => setHistory(events), (failure: Error) => setError(failure.message));
  useEffect(() => {
    void loadHistory();
  }, []);

  const save = async () => {
    setError(undefined);
    try {
      const result = await postJson<{ takedowns: { id: string; link: string }[] }>('/api/consent', credentials, { pupilId: pupil.pupilId, media, decision, effectiveFrom: received, source: decision === 'refused' ? 'written notice' : 'consent form' });
      const from = new Date(received).toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric' });
      setOutcome({ message: `Saved: ${media} ${decision === 'refused' ? 'withdrawn or refused' : 'given'} from ${from}.`, takedowns: result.takedowns });
      await loadHistory();
      onRecorded();
    } catch (failure) {
      setError((failure as Error).message);
    }
  };

  return (
    <section className={styles.panel} aria-label={`Consent history of ${pupil.displayName}`}>
      <Subtitle2 as="h2">{pupil.displayName}: consent history</Subtitle2>
      {!history && <Spinner size="tiny" label="Loading history…" />}
      {history && history.length === 0 && <Body1>No consent form has been recorded.</Body1>}
      {history && history.length > 0 && (
        <ul data-testid="consent-history">
          {history.map((event) => (
            <li key={event.id}>
              {new Date(event.effectiveFrom).toLocaleDateString('en-GB', { day: 'numeric', month: 'short', year: 'numeric' })}: {event.media} {event.decision} ({event.source}, recorded by {event.recordedBy})
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
      {error && (
        <MessageBar intent="error">
          <MessageBarBody>{error}</MessageBarBody>
        </MessageBar>
      )}
      {outcome && (
        <MessageBar intent={outcome.takedowns.length ? 'warning' : 'success'}>
          <MessageBarBody>
            {outcome.message}{' '}
            {outcome.takedowns.length > 0 && (
              <>
                Take down these earlier posts where you can (the account owner has been given the tasks):
                <ul data-testid="takedown-list">
                  {outcome.takedowns.map((task) => (
                    <li key={task.id}>
                      <Link href={task.link} target="_blank" rel="noreferrer">
                        {task.link}
                      </Link>
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
