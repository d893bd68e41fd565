import {
  Body1,
  Button,
  Card,
  MessageBar,
  MessageBarBody,
  SearchBox,
  Field,
  Spinner,
  Subtitle2,
  Text,
  Title3,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useEffect, useRef, useState } from 'react';
import type { Credentials } from '../api';
import { GrowingBadge } from '../ui/GrowingBadge';
import { api, formatDate, formatDateTime, type PupilChronology, type RosterPupil } from './incidents-api';
import { STATUS_COLOURS } from './IncidentList';

const useStyles = makeStyles({
  column: { display: 'flex', flexDirection: 'column', gap: '16px' },
  row: { display: 'flex', gap: '8px', flexWrap: 'wrap', alignItems: 'center' },
  list: { listStyle: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: '10px' },
  entry: { borderLeft: `3px solid ${tokens.colorBrandStroke1}`, paddingLeft: '10px', display: 'flex', flexDirection: 'column', gap: '2px' },
  text: { whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' },
  link: { padding: 0, minWidth: 0, height: 'auto', fontFamily: tokens.fontFamilyMonospace },
  found: { listStyle: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: '4px' },
});

/**
 * One pupil's chronology across incidents: every incident they are linked to (with their part in
 * it) and every action and contact on them, newest first, with who and when; printable. Only what
 * the viewer may see is in it, and nothing says that anything was left out.
 */
export function PupilChronologyView({
  credentials,
  pupilId,
  backLabel,
  onBack,
  onOpenIncident,
}: {
  credentials: Credentials;
  pupilId: string;
  backLabel: string;
  onBack(): void;
  onOpenIncident(id: string): void;
}) {
  const styles = useStyles();
  const [chronology, setChronology] = useState<PupilChronology>();
  const [error, setError] = useState<string>();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    api.pupil(credentials, pupilId).then(setChronology, (failure: Error) => setError(failure.message));
  }, [credentials, pupilId]);
  const opened = chronology !== undefined;
  useEffect(() => {
    if (opened) heading.current?.focus();
  }, [opened]);

  if (error)
    return (
      <MessageBar intent="error">
        <MessageBarBody>
          {error}{' '}
          <Button appearance="transparent" onClick={onBack}>
            {backLabel}
          </Button>
        </MessageBarBody>
      </MessageBar>
    );
  if (!chronology) return <Spinner label="Opening the chronology…" />;
  const { pupil, incidents, entries, transfer } = chronology;
  return (
    <article className={styles.column} aria-label={`Chronology of ${pupil.displayName}`} data-testid="pupil-chronology">
      <div className={`${styles.row} no-print`}>
        <Button onClick={onBack}>← {backLabel}</Button>
        <Button onClick={() => window.print()}>Print chronology</Button>
      </div>
      <h2 ref={heading} tabIndex={-1} style={{ margin: 0 }}>
        <Title3>Chronology: {pupil.displayName}</Title3>
      </h2>
      <Body1>
        {pupil.className}, {pupil.yearGroup}
        {pupil.onRollTo ? ` · left on ${formatDate(pupil.onRollTo)}` : ''}. Printed from Online Safety Desk: safeguarding record, keep it
        secure.
      </Body1>
      {transfer && (
        <Body1 data-testid="pupil-transfer">
          {transfer.sent
            ? `Safeguarding file transferred on ${formatDate(transfer.sent.on)} to ${transfer.sent.toDsl}, ${transfer.sent.toSchool} (${transfer.sent.howLabel}).`
            : 'Safeguarding file still to send to their next school (Incidents → Pupils who have left).'}
        </Body1>
      )}
      <Card>
        <Subtitle2 as="h3" block>
          Incidents ({incidents.length})
        </Subtitle2>
        {incidents.length === 0 ? (
          <Body1>No incidents involving this pupil.</Body1>
        ) : (
          <ul className={styles.list} data-testid="pupil-incidents">
            {incidents.map((incident) => (
              <li key={incident.id} className={styles.row}>
                <Button
                  appearance="transparent"
                  className={styles.link}
                  onClick={() => onOpenIncident(incident.id)}
                  aria-label={`Open ${incident.reference}`}
                >
                  {incident.reference}
                </Button>
                <span>
                  {formatDate(incident.reportedAt)} · {incident.category} · part: <b>{incident.roleLabel}</b>
                </span>
                <GrowingBadge color={STATUS_COLOURS[incident.status]}>{incident.statusLabel}</GrowingBadge>
              </li>
            ))}
          </ul>
        )}
      </Card>
      <Card>
        <Subtitle2 as="h3" block>
          Everything recorded, newest first
        </Subtitle2>
        <ol className={styles.list} data-testid="pupil-entries">
          {entries.map((entry) => (
            <li key={`${entry.incidentId}-${entry.id}`} className={styles.entry}>
              <Text weight="semibold">
                {formatDateTime(entry.at)} — {entry.byName} — {entry.reference} ({entry.roleLabel})
              </Text>
              <Body1 className={styles.text}>{entry.text}</Body1>
            </li>
          ))}
        </ol>
      </Card>
    </article>
  );
}

/** Finding a pupil on the whole roster (leavers too) to open their chronology. */
export function PupilSearch({ credentials, onOpen }: { credentials: Credentials; onOpen(pupilId: string): void }) {
  const styles = useStyles();
  const [roster, setRoster] = useState<RosterPupil[]>();
  const [error, setError] = useState<string>();
  const [typed, setTyped] = useState('');
  useEffect(() => {
    api.roster(credentials).then(setRoster, (failure: Error) => setError(failure.message));
  }, [credentials]);
  const words = typed.trim().toLowerCase();
  const found = words.length < 2 ? [] : (roster ?? []).filter((pupil) => pupil.displayName.toLowerCase().includes(words)).slice(0, 50);
  return (
    <section className={styles.column} aria-label="Pupils">
      <Field
        label="Find a pupil"
        hint="Type at least two letters of their name. Their chronology shows every incident they are linked to that you may see."
      >
        <SearchBox value={typed} onChange={(_, data) => setTyped(data.value)} />
      </Field>
      {error && (
        <MessageBar intent="error">
          <MessageBarBody>{error}</MessageBarBody>
        </MessageBar>
      )}
      {!roster && !error && <Spinner label="Loading the roster…" />}
      {words.length >= 2 && roster && (
        <>
          <Body1 role="status">
            {found.length === 0 ? 'No pupil on the roster has that name.' : `${found.length} pupil${found.length === 1 ? '' : 's'} found.`}
          </Body1>
          <ul className={styles.found} data-testid="pupil-results">
            {found.map((pupil) => (
              <li key={pupil.id}>
                <Button appearance="subtle" onClick={() => onOpen(pupil.id)}>
                  {pupil.displayName} ({pupil.className}
                  {pupil.left ? ', has left' : ''})
                </Button>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
