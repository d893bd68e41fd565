import { Button, Field, Input, MessageBar, MessageBarBody, Select, Textarea, makeStyles } from '@fluentui/react-components';
import { useState } from 'react';
import type { FilteringReviewPackView, RecordReviewBody } from '../../../bot/src/contracts/governance';
import { sendJson, type Credentials } from '../api';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: '12px', maxWidth: '48em' },
  row: { display: 'flex', gap: '12px', flexWrap: 'wrap', '& > *': { minWidth: '14em', flexGrow: 1 } },
  action: { display: 'flex', flexDirection: 'column', gap: '8px', paddingBlock: '8px', borderTop: '1px solid currentColor' },
  buttons: { display: 'flex', gap: '8px' },
});

type Action = RecordReviewBody['actions'][number];
const NO_ACTION: Action = { description: '', assigneeId: '', due: '' };

/**
 * Recording the year's review: when and by whom, the outcome, and the actions agreed (each a task
 * for its assignee). What was typed stays when something is refused, and when someone else recorded
 * meanwhile: the page then shows theirs, and recording again adds this one.
 */
export function ReviewRecordForm({
  pack,
  credentials,
  today,
  onRecorded,
}: {
  pack: FilteringReviewPackView;
  credentials: Credentials;
  today: string;
  onRecorded(message: string): void;
}) {
  const styles = useStyles();
  const choices = pack.choices!;
  const [reviewedOn, setReviewedOn] = useState(today);
  const [seniorLeaderId, setSeniorLeaderId] = useState('');
  const [governorId, setGovernorId] = useState('');
  const [outcome, setOutcome] = useState('');
  const [actions, setActions] = useState<Action[]>([]);
  const [fields, setFields] = useState<Record<string, string>>({});
  const [problem, setProblem] = useState<string>();
  const [saving, setSaving] = useState(false);

  const change = (index: number, part: Partial<Action>) =>
    setActions(actions.map((action, at) => (at === index ? { ...action, ...part } : action)));
  const submit = async () => {
    setSaving(true);
    const body: RecordReviewBody = {
      year: pack.year,
      reviewedOn,
      seniorLeaderId,
      governorId,
      outcome,
      actions,
      ...(pack.recorded.version ? { version: pack.recorded.version } : {}),
    };
    const answer = await sendJson<{ fields?: Record<string, string>; actions?: string[] }>(
      'POST',
      '/api/filtering-review/record',
      credentials,
      body,
    );
    setSaving(false);
    if (answer.ok) {
      setActions([]);
      setOutcome('');
      setFields({});
      setProblem(undefined);
      const made = answer.body.actions ?? [];
      return onRecorded(
        `The review for ${pack.year} is recorded.${made.length > 0 ? ` ${made.join(', ')} ${made.length === 1 ? 'is a task' : 'are tasks'} now: each person is being told.` : ''}`,
      );
    }
    setFields(answer.body.fields ?? {});
    setProblem(answer.body.fields ? 'Nothing was recorded: check what is marked below.' : answer.body.error);
    if (answer.status === 409) onRecorded('');
  };
  const message = (field: string) => (fields[field] ? { validationMessage: fields[field], validationState: 'error' as const } : {});

  return (
    <form
      className={`${styles.form} no-print`}
      aria-label="Record the review"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
    >
      {problem && (
        <MessageBar intent="error">
          <MessageBarBody>{problem}</MessageBarBody>
        </MessageBar>
      )}
      <div className={styles.row}>
        <Field label="Date of the review" required {...message('reviewedOn')}>
          <Input type="date" value={reviewedOn} onChange={(_, data) => setReviewedOn(data.value)} />
        </Field>
        <Field label="Senior leader" required {...message('seniorLeaderId')}>
          <Select value={seniorLeaderId} onChange={(_, data) => setSeniorLeaderId(data.value)}>
            <option value="">Choose…</option>
            {choices.seniorLeaders.map((person) => (
              <option key={person.id} value={person.id}>
                {person.name}
              </option>
            ))}
          </Select>
        </Field>
        <Field label="Governor" required {...message('governorId')}>
          <Select value={governorId} onChange={(_, data) => setGovernorId(data.value)}>
            <option value="">Choose…</option>
            {choices.governors.map((person) => (
              <option key={person.id} value={person.id}>
                {person.name}
              </option>
            ))}
          </Select>
        </Field>
      </div>
      <Field
        label="Outcome of the review"
        required
        hint="What you found, and what was decided. Do not name pupils."
        {...message('outcome')}
      >
        <Textarea value={outcome} resize="vertical" rows={4} onChange={(_, data) => setOutcome(data.value)} />
      </Field>
      {actions.map((action, index) => (
        <fieldset key={index} className={styles.action} aria-label={`Action ${index + 1}`}>
          <Field label={`Action ${index + 1}: what is to be done`} required {...message(`actions.${index}.description`)}>
            <Input value={action.description} onChange={(_, data) => change(index, { description: data.value })} />
          </Field>
          <div className={styles.row}>
            <Field label={`Action ${index + 1}: who will do it`} required {...message(`actions.${index}.assigneeId`)}>
              <Select value={action.assigneeId} onChange={(_, data) => change(index, { assigneeId: data.value })}>
                <option value="">Choose…</option>
                {choices.everyone.map((person) => (
                  <option key={person.id} value={person.id}>
                    {person.name}
                  </option>
                ))}
              </Select>
            </Field>
            <Field label={`Action ${index + 1}: due by (a school day)`} required {...message(`actions.${index}.due`)}>
              <Input type="date" min={today} value={action.due} onChange={(_, data) => change(index, { due: data.value })} />
            </Field>
          </div>
          <div>
            <Button onClick={() => setActions(actions.filter((_, at) => at !== index))}>Remove action {index + 1}</Button>
          </div>
        </fieldset>
      ))}
      <div className={styles.buttons}>
        <Button onClick={() => setActions([...actions, NO_ACTION])}>Add an action</Button>
        <Button appearance="primary" type="submit" disabled={saving}>
          Record the review
        </Button>
      </div>
    </form>
  );
}
