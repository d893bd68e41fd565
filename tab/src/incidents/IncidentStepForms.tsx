import { Button, Card, Field, Input, Radio, RadioGroup, Select, Subtitle2, Textarea, makeStyles, tokens } from '@fluentui/react-components';
import { useState, type FormEvent } from 'react';
import { formatDate, type FollowUp, type Person, type Step } from './incidents-api';
import { weekdayDateTime } from '../ui/dates';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: '8px' },
  row: { display: 'flex', gap: '8px', flexWrap: 'wrap', alignItems: 'flex-end' },
  grow: { flexGrow: 1, minWidth: 0 },
  list: { listStyle: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: '8px' },
  clock: { margin: 0, fontWeight: tokens.fontWeightSemibold, color: tokens.colorPaletteDarkOrangeForeground1 },
});

/*
 * The DSL's next steps on an incident. Buttons that cannot be used right now (saving, nothing typed)
 * stay focusable (`disabledFocusable`): a button that is disabled while it has the focus drops the
 * focus to the page, and the person would have to find their place again.
 */

/** Resolves true when the step was saved (the form then empties). */
type Save = (step: Step) => Promise<boolean>;

/** When a follow-up is due: in a number of working days (the school's calendar decides which), or on a date. */
const DUE: [string, string][] = [
  ['', 'No follow-up'],
  ['1', 'In 1 working day'],
  ['2', 'In 2 working days'],
  ['5', 'In 5 working days'],
  ['date', 'On a date…'],
];

export function AddAction({
  saving,
  onSave,
  people,
  defaultFor,
}: {
  saving: boolean;
  onSave: Save;
  people: Person[];
  defaultFor: string | null;
}) {
  const styles = useStyles();
  const [text, setText] = useState('');
  const [due, setDue] = useState('');
  const [on, setOn] = useState('');
  const [assigneeId, setAssigneeId] = useState(people.find((person) => person.id === defaultFor)?.id ?? people[0]?.id ?? '');
  const followUp =
    due === '' ? undefined : due === 'date' ? (on ? { on, assigneeId } : undefined) : { inWorkingDays: Number(due), assigneeId };
  const ready = !saving && text.trim() !== '' && (due === '' || followUp !== undefined);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (ready && (await onSave({ type: 'action', text: text.trim(), ...(followUp ? { followUp } : {}) }))) {
      setText('');
      setDue('');
    }
  };
  return (
    <Card>
      <form className={styles.form} onSubmit={submit}>
        <Field
          label="Add an action"
          hint="Who you spoke to, what was done or is to be done. It is added to the chronology and cannot be changed later."
        >
          <Textarea value={text} onChange={(_, data) => setText(data.value)} resize="vertical" maxLength={2000} />
        </Field>
        <div className={styles.row}>
          <Field label="Follow-up" hint="Whoever it is for is reminded when it is due and when it is overdue.">
            <Select value={due} onChange={(_, data) => setDue(data.value)}>
              {DUE.map(([value, label]) => (
                <option key={value} value={value}>
                  {label}
                </option>
              ))}
            </Select>
          </Field>
          {due === 'date' && (
            <Field label="Due on">
              <Input type="date" value={on} onChange={(_, data) => setOn(data.value)} />
            </Field>
          )}
          {due !== '' && (
            <Field label="For">
              <Select value={assigneeId} onChange={(_, data) => setAssigneeId(data.value)}>
                {people.map((person) => (
                  <option key={person.id} value={person.id}>
                    {person.displayName}
                  </option>
                ))}
              </Select>
            </Field>
          )}
        </div>
        <Button type="submit" appearance="primary" disabledFocusable={!ready}>
          Add to the chronology
        </Button>
      </form>
    </Card>
  );
}

/** Follow-ups with their dates; an open one can be marked done (a line in the chronology). */
export function FollowUps({ followUps, today, saving, onSave }: { followUps: FollowUp[]; today: string; saving: boolean; onSave: Save }) {
  const styles = useStyles();
  if (followUps.length === 0) return null;
  return (
    <Card data-testid="follow-ups">
      <Subtitle2 as="h3" block>
        Follow-ups
      </Subtitle2>
      <ul className={styles.list}>
        {followUps.map((followUp) => (
          <li key={followUp.id} className={styles.row}>
            <span className={styles.grow}>
              <b>{followUp.text}</b> — {followUp.assigneeName}, due {formatDate(followUp.dueOn)}
              {followUp.done ? ` · done by ${followUp.done.byName}` : followUp.dueOn < today ? ' · overdue' : ''}
            </span>
            {!followUp.done && (
              <Button
                className="no-print"
                disabledFocusable={saving}
                onClick={() => void onSave({ type: 'followUpDone', followUpId: followUp.id })}
              >
                Mark done
              </Button>
            )}
          </li>
        ))}
      </ul>
    </Card>
  );
}

/** A data-protection breach: the 72-hour clock (UK GDPR Art. 33) and the decision on reporting it to the ICO. */
export function IcoDecision({
  clock,
  saving,
  onSave,
}: {
  clock?: { deadline: string; hoursPassed: number };
  saving: boolean;
  onSave: Save;
}) {
  const styles = useStyles();
  const [reported, setReported] = useState<'yes' | 'no'>('yes');
  const [reason, setReason] = useState('');
  const left = clock ? 72 - clock.hoursPassed : 0;
  return (
    <Card data-testid="ico-decision">
      <form
        className={styles.form}
        onSubmit={(event) => {
          event.preventDefault();
          if (!saving && reason.trim()) void onSave({ type: 'ico', reported: reported === 'yes', reason: reason.trim() });
        }}
      >
        <Subtitle2 as="h3" block>
          Reporting to the ICO
        </Subtitle2>
        {clock && (
          <p className={styles.clock} data-testid="ico-clock">
            {left > 0
              ? `${left} hours left: decide by ${weekdayDateTime(clock.deadline)}`
              : 'The 72 hours have passed: record the decision now, with the reasons for any delay.'}
          </p>
        )}
        <RadioGroup
          layout="horizontal"
          value={reported}
          onChange={(_, data) => setReported(data.value as 'yes' | 'no')}
          aria-label="Reported to the ICO"
        >
          <Radio value="yes" label="Reported" />
          <Radio value="no" label="Not reportable" />
        </RadioGroup>
        <Field
          label="Why"
          hint="A breach is reported within 72 hours of the school becoming aware, unless it is unlikely to put anyone at risk (UK GDPR Article 33)."
        >
          <Textarea value={reason} onChange={(_, data) => setReason(data.value)} maxLength={2000} />
        </Field>
        <Button type="submit" disabledFocusable={saving || !reason.trim()}>
          Record the decision
        </Button>
      </form>
    </Card>
  );
}

export function Assign({
  saving,
  people,
  current,
  onSave,
}: {
  saving: boolean;
  people: { id: string; displayName: string }[];
  current: string | null;
  onSave: Save;
}) {
  const styles = useStyles();
  const [personId, setPersonId] = useState(people.find((person) => person.id === current)?.id ?? people[0]?.id ?? '');
  const unchanged = !personId || personId === current;
  return (
    <Card>
      <form
        className={styles.row}
        onSubmit={(event) => {
          event.preventDefault();
          if (!saving && !unchanged) void onSave({ type: 'assign', personId });
        }}
      >
        <Field label="Assign to" className={styles.grow}>
          <Select value={personId} onChange={(_, data) => setPersonId(data.value)}>
            {people.map((person) => (
              <option key={person.id} value={person.id}>
                {person.displayName}
              </option>
            ))}
          </Select>
        </Field>
        <Button type="submit" disabledFocusable={saving || unchanged}>
          Assign
        </Button>
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
      <form
        className={styles.row}
        onSubmit={(event) => {
          event.preventDefault();
          if (ready) void onSave({ type: 'cpoms', reference: value.trim() });
        }}
      >
        <Field label="CPOMS reference" className={styles.grow}>
          <Input value={value} onChange={(_, data) => setValue(data.value)} maxLength={50} />
        </Field>
        <Button type="submit" disabledFocusable={!ready}>
          Save reference
        </Button>
      </form>
    </Card>
  );
}

/**
 * The decision on the police, recorded as the signed-in person's, in their role (s.8: the DSL's, for a pupil's possibly inadvertent act).
 */
export function Police({
  saving,
  onSave,
  allowed,
}: {
  saving: boolean;
  onSave: Save;
  allowed: { may: true; asLabel: string | null } | { may: false; why: string };
}) {
  const styles = useStyles();
  const [contacted, setContacted] = useState<'yes' | 'no'>('no');
  const [reason, setReason] = useState('');
  const ready = !saving && allowed.may && reason.trim() !== '';
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (ready && (await onSave({ type: 'police', contacted: contacted === 'yes', reason: reason.trim() }))) setReason('');
  };
  if (!allowed.may) {
    return (
      <Card>
        <Subtitle2 as="h3" block>
          Police
        </Subtitle2>
        <p className={styles.clock}>{allowed.why}</p>
      </Card>
    );
  }
  return (
    <Card>
      <form className={styles.form} onSubmit={submit}>
        <Subtitle2 as="h3" block>
          Police
        </Subtitle2>
        <RadioGroup
          layout="horizontal"
          value={contacted}
          onChange={(_, data) => setContacted(data.value as 'yes' | 'no')}
          aria-label="Police contacted"
        >
          <Radio value="yes" label="Contacted" />
          <Radio value="no" label="Not contacted" />
        </RadioGroup>
        <Field
          label="Why"
          hint={`Recorded as your decision${allowed.asLabel ? ` as ${allowed.asLabel}` : ''}. Avoid criminalising pupils for inadvertent behaviour (policy s.8): the DSL decides.`}
        >
          <Textarea value={reason} onChange={(_, data) => setReason(data.value)} maxLength={2000} />
        </Field>
        <Button type="submit" disabledFocusable={!ready}>
          Record the decision
        </Button>
      </form>
    </Card>
  );
}
