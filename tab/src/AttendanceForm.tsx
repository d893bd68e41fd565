import { Button, Checkbox, Field, Input, MessageBar, MessageBarBody, Select, Textarea, makeStyles } from '@fluentui/react-components';
import { useState } from 'react';
import { sendJson, type Credentials } from './api';
import type { TrainingOverview } from './training-api';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: '12px', maxWidth: '640px' },
  choices: { display: 'flex', flexWrap: 'wrap', gap: '4px 16px', border: 'none', padding: 0, margin: 0 },
});

/** The online safety lead records one session for many at once: all staff, a class, the parents' evening (s.11). */
export function AttendanceForm({
  overview,
  credentials,
  onSaved,
}: {
  overview: TrainingOverview;
  credentials: Credentials;
  onSaved(): void;
}) {
  const styles = useStyles();
  const [requirementId, setRequirementId] = useState(overview.requirements[0]?.id ?? '');
  const [completedOn, setCompletedOn] = useState(overview.today);
  const [evidence, setEvidence] = useState('');
  const [chosen, setChosen] = useState<Set<string>>(new Set());
  const [attendees, setAttendees] = useState('');
  const [message, setMessage] = useState<{ intent: 'success' | 'error'; text: string }>();
  const audience = overview.requirements.find((r) => r.id === requirementId)?.audience ?? 'staff';
  const classes = [...new Set(overview.rows.filter((row) => row.audience === 'pupils').map((row) => row.subjectId))];
  const options =
    audience === 'staff'
      ? overview.people.map((p) => ({ id: p.id, label: p.displayName }))
      : classes.map((c) => ({ id: c, label: `Class ${c}` }));

  const toggle = (id: string, on: boolean) =>
    setChosen((current) => new Set([...current].filter((other) => other !== id).concat(on ? [id] : [])));
  const save = async () => {
    setMessage(undefined);
    const subjectIds = audience === 'parents' ? ['parents'] : [...chosen];
    const names = attendees
      .split('\n')
      .map((name) => name.trim())
      .filter(Boolean);
    const result = await sendJson<{ recorded?: number; error?: string }>('POST', '/api/training/sessions', credentials, {
      requirementId,
      completedOn,
      evidence,
      subjectIds,
      ...(audience === 'parents' ? { attendees: names } : {}),
    });
    if (!result.ok) return setMessage({ intent: 'error', text: result.body.error ?? 'Nothing was saved.' });
    setMessage({
      intent: 'success',
      text: `Recorded for ${result.body.recorded} ${audience === 'parents' ? 'group (parents)' : audience === 'staff' ? 'people' : 'class(es)'}.`,
    });
    setChosen(new Set());
    onSaved();
  };

  return (
    <section className={styles.form} aria-label="Record attendance">
      <Field label="Training">
        <Select aria-label="Training" value={requirementId} onChange={(_, data) => (setRequirementId(data.value), setChosen(new Set()))}>
          {overview.requirements.map((r) => (
            <option key={r.id} value={r.id}>
              {r.title}
            </option>
          ))}
        </Select>
      </Field>
      <Field label="Date of the session">
        <Input
          type="date"
          aria-label="Date of the session"
          value={completedOn}
          max={overview.today}
          onChange={(_, data) => setCompletedOn(data.value)}
        />
      </Field>
      <Field label="Evidence (certificate link or note)">
        <Input aria-label="Evidence" value={evidence} onChange={(_, data) => setEvidence(data.value)} />
      </Field>
      {audience === 'parents' ? (
        <Field label="Who attended (one name a line)">
          <Textarea aria-label="Who attended" value={attendees} onChange={(_, data) => setAttendees(data.value)} />
        </Field>
      ) : (
        // Not inside a Field: a Field gives its one id to every checkbox in it, so each label would tick the first.
        <fieldset className={styles.choices}>
          <legend>{audience === 'staff' ? 'Who attended' : 'Classes taught'}</legend>
          <Checkbox
            label="Everyone"
            checked={chosen.size === options.length && options.length > 0}
            onChange={(_, data) => setChosen(new Set(data.checked ? options.map((o) => o.id) : []))}
          />
          {options.map((option) => (
            <Checkbox
              key={option.id}
              label={option.label}
              checked={chosen.has(option.id)}
              onChange={(_, data) => toggle(option.id, Boolean(data.checked))}
            />
          ))}
        </fieldset>
      )}
      <div>
        <Button appearance="primary" onClick={() => void save()}>
          Record attendance
        </Button>
      </div>
      {message && (
        <MessageBar key={message.text} intent={message.intent}>
          <MessageBarBody>{message.text}</MessageBarBody>
        </MessageBar>
      )}
    </section>
  );
}
