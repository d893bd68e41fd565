import { Button, Field, Input, MessageBar, MessageBarBody, Select, makeStyles } from '@fluentui/react-components';
import { useState } from 'react';
import { sendJson, type Credentials } from './api';

const useStyles = makeStyles({ form: { display: 'flex', gap: '12px', alignItems: 'flex-end', flexWrap: 'wrap' } });

type Result = { intent: 'success' | 'error'; text: string };

function Outcome({ result }: { result?: Result }) {
  return result ? (
    <MessageBar key={result.text} intent={result.intent}>
      <MessageBarBody>{result.text}</MessageBarBody>
    </MessageBar>
  ) : null;
}

/** A staff member logs their own training; the online safety lead confirms it (s.11). */
export function LogOwnTrainingForm({ credentials, today, onSaved }: { credentials: Credentials; today: string; onSaved(): void }) {
  const styles = useStyles();
  const [completedOn, setCompletedOn] = useState(today);
  const [evidence, setEvidence] = useState('');
  const [result, setResult] = useState<Result>();
  const save = async () => {
    setResult(undefined);
    const answer = await sendJson<{ error?: string }>('POST', '/api/training/mine', credentials, { completedOn, evidence });
    setResult(
      answer.ok
        ? { intent: 'success', text: 'Saved and sent to the online safety lead to confirm.' }
        : { intent: 'error', text: answer.body.error ?? 'Nothing was saved.' },
    );
    if (answer.ok) onSaved();
  };
  return (
    <section aria-label="Log my training">
      <div className={styles.form}>
        <Field label="I did my online safety training on">
          <Input
            type="date"
            aria-label="I did my online safety training on"
            value={completedOn}
            max={today}
            onChange={(_, data) => setCompletedOn(data.value)}
          />
        </Field>
        <Field label="Evidence (certificate link or note)">
          <Input aria-label="My evidence" value={evidence} onChange={(_, data) => setEvidence(data.value)} />
        </Field>
        <Button appearance="primary" onClick={() => void save()}>
          I've done it
        </Button>
      </div>
      <Outcome result={result} />
    </section>
  );
}

/** The DSL requires a refresher for a group after a significant incident or change (s.11). */
export function RefresherForm({
  credentials,
  today,
  classes,
  onSaved,
}: {
  credentials: Credentials;
  today: string;
  classes: string[];
  onSaved(): void;
}) {
  const styles = useStyles();
  const [title, setTitle] = useState('');
  const [group, setGroup] = useState('staff|all');
  const [dueOn, setDueOn] = useState(today);
  const [result, setResult] = useState<Result>();
  const save = async () => {
    setResult(undefined);
    const [audience, name] = group.split('|') as [string, string];
    const answer = await sendJson<{ error?: string }>('POST', '/api/training/refreshers', credentials, {
      title,
      audience,
      group: name,
      dueOn,
    });
    setResult(
      answer.ok
        ? { intent: 'success', text: 'Refresher required: it now shows in compliance and reminders.' }
        : { intent: 'error', text: answer.body.error ?? 'Nothing was saved.' },
    );
    if (answer.ok) onSaved();
  };
  return (
    <section aria-label="Require a refresher">
      <div className={styles.form}>
        <Field label="Refresher about">
          <Input aria-label="Refresher about" value={title} onChange={(_, data) => setTitle(data.value)} />
        </Field>
        <Field label="For">
          <Select aria-label="Refresher for" value={group} onChange={(_, data) => setGroup(data.value)}>
            <option value="staff|all">All staff</option>
            <option value="pupils|all">All pupils</option>
            {classes.map((name) => (
              <option key={name} value={`pupils|${name}`}>
                Class {name}
              </option>
            ))}
            <option value="parents|all">Parents</option>
          </Select>
        </Field>
        <Field label="Due by">
          <Input type="date" aria-label="Due by" value={dueOn} min={today} onChange={(_, data) => setDueOn(data.value)} />
        </Field>
        <Button onClick={() => void save()}>Require refresher</Button>
      </div>
      <Outcome result={result} />
    </section>
  );
}
