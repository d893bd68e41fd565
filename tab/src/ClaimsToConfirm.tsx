import { Body1, Button, Field, Input, MessageBar, MessageBarBody, Subtitle2, makeStyles, useAnnounce } from '@fluentui/react-components';
import { useRef, useState } from 'react';
import { sendJson, type Credentials } from './api';
import type { TrainingRecord } from './training-api';

const useStyles = makeStyles({
  section: { display: 'flex', flexDirection: 'column', gap: '8px' },
  claim: { display: 'flex', gap: '12px', alignItems: 'flex-end', flexWrap: 'wrap' },
  heading: { margin: 0 },
});

/**
 * Completions staff logged that wait for this person (s.11): confirm, or say why not (the person is
 * told either way). Nobody is shown their own.
 */
export function ClaimsToConfirm({
  claims,
  credentials,
  onDecided,
}: {
  claims: TrainingRecord[];
  credentials: Credentials;
  onDecided: () => void;
}) {
  const styles = useStyles();
  const { announce } = useAnnounce();
  const heading = useRef<HTMLHeadingElement>(null);
  const [reasons, setReasons] = useState<Record<string, string>>({});
  const [error, setError] = useState<string>();

  const decide = async (record: TrainingRecord, decision: 'confirm' | 'reject') => {
    setError(undefined);
    const result = await sendJson<{ error?: string }>('POST', `/api/training/records/${record.id}/decision`, credentials, {
      decision,
      reason: reasons[record.id] ?? '',
    });
    if (!result.ok) {
      setError(result.body.error ?? 'Nothing was saved.');
      return;
    }
    announce(`${record.subjectName}: ${decision === 'confirm' ? 'confirmed' : 'not confirmed'}. They have been told.`);
    // The record leaves the list with its buttons: the focus goes back to the list's heading.
    heading.current?.focus();
    onDecided();
  };

  return (
    <section aria-label="Waiting for your confirmation" className={styles.section}>
      <Subtitle2 as="h2" block className={styles.heading} {...{ ref: heading, tabIndex: -1 }}>
        Logged by staff, waiting for you to confirm
      </Subtitle2>
      {error && (
        <MessageBar intent="error">
          <MessageBarBody>{error}</MessageBarBody>
        </MessageBar>
      )}
      {claims.length === 0 && (
        <Body1 as="p" className={styles.heading}>
          Nothing is waiting for you.
        </Body1>
      )}
      {claims.map((record) => (
        <div key={record.id} className={styles.claim} data-testid="claim-to-confirm">
          <Body1>
            {record.subjectName}: {record.completedOn} — {record.evidence || 'no evidence given'}
          </Body1>
          <Button appearance="primary" onClick={() => void decide(record, 'confirm')}>
            Confirm
          </Button>
          <Field label={`If not confirmed, why? (${record.subjectName} is told)`}>
            <Input
              value={reasons[record.id] ?? ''}
              maxLength={500}
              onChange={(_event, data) => setReasons((current) => ({ ...current, [record.id]: data.value }))}
            />
          </Field>
          <Button onClick={() => void decide(record, 'reject')}>Not confirmed</Button>
        </div>
      ))}
    </section>
  );
}
