import { Button, Card, Field, Input, Radio, RadioGroup, Select, Subtitle2, Textarea, makeStyles } from '@fluentui/react-components';
import { useState, type FormEvent } from 'react';
import type { Step } from './incidents-api';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: '8px' },
  row: { display: 'flex', gap: '8px', flexWrap: 'wrap', alignItems: 'flex-end' },
  grow: { flexGrow: 1, minWidth: 0 },
});

/*
 * The DSL's next steps on an incident. Buttons that cannot be used right now (saving, nothing typed)
 * stay focusable (`disabledFocusable`): a button that is disabled while it has the focus drops the
 * focus to the page, and the person would have to find their place again.
 */

/** Resolves true when the step was saved (the form then empties). */
type Save = (step: Step) => Promise<boolean>;

export function AddAction({ saving, onSave }: { saving: boolean; onSave: Save }) {
  const styles = useStyles();
  const [text, setText] = useState('');
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!saving && text.trim() && (await onSave({ type: 'action', text: text.trim() }))) setText('');
  };
  return (
    <Card>
      <form className={styles.form} onSubmit={submit}>
        <Field label="Add an action" hint="Who you spoke to, what was done. It is added to the chronology and cannot be changed later.">
          <Textarea value={text} onChange={(_, data) => setText(data.value)} resize="vertical" maxLength={2000} />
        </Field>
        <Button type="submit" appearance="primary" disabledFocusable={saving || !text.trim()}>Add to the chronology</Button>
      </form>
    </Card>
  );
}

export function Assign({ saving, people, current, onSave }: { saving: boolean; people: { id: string; displayName: string }[]; current: string | null; onSave: Save }) {
  const styles = useStyles();
  const [personId, setPersonId] = useState(people.find((person) => person.id === current)?.id ?? people[0]?.id ?? '');
  const unchanged = !personId || personId === current;
  return (
    <Card>
      <form className={styles.row} onSubmit={(event) => { event.preventDefault(); if (!saving && !unchanged) void onSave({ type: 'assign', personId }); }}>
        <Field label="Assign to" className={styles.grow}>
          <Select value={personId} onChange={(_, data) => setPersonId(data.value)}>
            {people.map((person) => <option key={person.id} value={person.id}>{person.displayName}</option>)}
          </Select>
        </Field>
        <Button type="submit" disabledFocusable={saving || unchanged}>Assign</Button>
      </form>
    </Card>
  );
}

export function CpomsReference({ saving, initial, onSave }: { saving: boolean; initial: string; onSave: Save }) {
  const styles = useStyles();
  const [value, setValue] = useState(initial);
  const ready = !saving && value.trim() !== '' && value.trim() !== initial;
  return (
    <Card>
      <form className={styles.row} onSubmit={(event) => { event.preventDefault(); if (ready) void onSave({ type: 'cpoms', reference: value.trim() }); }}>
        <Field label="CPOMS reference" className={styles.grow}>
          <Input value={value} onChange={(_, data) => setValue(data.value)} maxLength={50} />
        </Field>
        <Button type="submit" disabledFocusable={!ready}>Save reference</Button>
      </form>
    </Card>
  );
}

export function Police({ saving, onSave }: { saving: boolean; onSave: Save }) {
  const styles = useStyles();
  const [contacted, setContacted] = useState<'yes' | 'no'>('no');
  const [decidedBy, setDecidedBy] = useState('');
  const [reason, setReason] = useState('');
  const ready = !saving && decidedBy.trim() !== '' && reason.trim() !== '';
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (ready && (await onSave({ type: 'police', contacted: contacted === 'yes', decidedBy: decidedBy.trim(), reason: reason.trim() }))) setReason('');
  };
  return (
    <Card>
      <form className={styles.form} onSubmit={submit}>
        <Subtitle2 as="h3" block>Police</Subtitle2>
        <RadioGroup layout="horizontal" value={contacted} onChange={(_, data) => setContacted(data.value as 'yes' | 'no')} aria-label="Police contacted">
          <Radio value="yes" label="Contacted" />
          <Radio value="no" label="Not contacted" />
        </RadioGroup>
        <Field label="Who decided"><Input value={decidedBy} onChange={(_, data) => setDecidedBy(data.value)} maxLength={200} /></Field>
        <Field label="Why" hint="Avoid criminalising pupils for inadvertent behaviour (policy s.8): the DSL decides.">
          <Textarea value={reason} onChange={(_, data) => setReason(data.value)} maxLength={2000} />
        </Field>
        <Button type="submit" disabledFocusable={!ready}>Record the decision</Button>
      </form>
    </Card>
  );
}
