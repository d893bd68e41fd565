import { Body1, Button, Field, Input, MessageBar, MessageBarBody, Textarea, makeStyles } from '@fluentui/react-components';
import { useState } from 'react';
import { sendJson, type Credentials } from '../api';
import type { StepKind } from './step-kinds';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: '8px', maxWidth: '40em' },
  buttons: { display: 'flex', gap: '8px', flexWrap: 'wrap' },
});

/** What became of a step: done, or the record had changed (or been decided) meanwhile and is shown as it is now. */
export interface StepAnswer {
  outcome: 'done' | 'changed';
  verb: string;
  /** The server's answer: the record as it is now. */
  body: Record<string, unknown>;
  message?: string;
}

/**
 * The steps this person may take on one record, as its card offers them: the server decides which,
 * checks each again, and answers a record that changed meanwhile with the record as it is now. A
 * missing reason or a refusal is shown here, and what was typed is kept.
 */
export function StepForm({
  kind,
  recordId,
  reference,
  version,
  steps,
  credentials,
  onAnswer,
}: {
  kind: StepKind;
  recordId: string;
  reference: string;
  version: number;
  steps: string[];
  credentials: Credentials;
  onAnswer(answer: StepAnswer): void;
}) {
  const styles = useStyles();
  const [text, setText] = useState('');
  const [extra, setExtra] = useState('');
  const [day, setDay] = useState('');
  const [fieldError, setFieldError] = useState<string>();
  const [dayError, setDayError] = useState<string>();
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const offered = steps.filter((step) => kind.buttons[step]);
  const textLabel = kind.text(offered);
  const extraLabel = kind.extra?.(offered);
  const dayLabel = kind.day?.(offered);

  const take = async (verb: string) => {
    setBusy(true);
    setFieldError(undefined);
    setDayError(undefined);
    setError(undefined);
    const answer = await sendJson<Record<string, unknown> & { error?: string; fields?: Record<string, string>; alreadyDecided?: boolean }>(
      'POST',
      kind.path(recordId),
      credentials,
      kind.body(verb, text, extra, version, day),
    );
    setBusy(false);
    const { body } = answer;
    if (answer.ok)
      return onAnswer(
        body.alreadyDecided
          ? { outcome: 'changed', verb, body, message: 'This was already decided by someone else, so nothing was changed.' }
          : { outcome: 'done', verb, body },
      );
    if (answer.status === 409)
      return onAnswer({ outcome: 'changed', verb, body, message: body.error ?? 'This changed meanwhile, so nothing was changed.' });
    // What was typed is what a 422 is about: the message goes under the box it is about.
    if (answer.status === 422 && dayLabel && body.fields?.endDate) return setDayError(body.fields.endDate);
    const onField = body.fields?.reasons ?? (textLabel ? body.error : undefined);
    if (answer.status === 422 && onField) return setFieldError(onField);
    setError(body.error ?? `Nothing was changed (the server answered ${answer.status}).`);
  };

  if (offered.length === 0 && !steps.some((step) => kind.inChatOnly?.[step])) return null;
  return (
    <form
      className={styles.form}
      aria-label={`Your step on ${reference}`}
      onSubmit={(event) => event.preventDefault()}
      data-testid="step-form"
    >
      {textLabel && offered.length > 0 && (
        <Field label={textLabel} {...(fieldError ? { validationMessage: fieldError } : {})}>
          <Textarea value={text} maxLength={1000} resize="vertical" onChange={(_event, data) => setText(data.value)} />
        </Field>
      )}
      {extraLabel && (
        <Field label={extraLabel}>
          <Textarea value={extra} maxLength={1000} resize="vertical" onChange={(_event, data) => setExtra(data.value)} />
        </Field>
      )}
      {dayLabel && (
        <Field label={dayLabel} {...(dayError ? { validationMessage: dayError } : {})}>
          <Input type="date" value={day} onChange={(_event, data) => setDay(data.value)} />
        </Field>
      )}
      {error && (
        <MessageBar intent="error">
          <MessageBarBody>{error}</MessageBarBody>
        </MessageBar>
      )}
      {offered.length > 0 && (
        <div className={styles.buttons}>
          {offered.map((verb) => (
            <Button
              key={verb}
              appearance={kind.buttons[verb]!.primary ? 'primary' : 'secondary'}
              disabled={busy}
              onClick={() => void take(verb)}
            >
              {kind.buttons[verb]!.label}
            </Button>
          ))}
        </div>
      )}
      {steps
        .filter((step) => kind.inChatOnly?.[step])
        .map((step) => (
          <Body1 key={step}>{kind.inChatOnly![step]}</Body1>
        ))}
    </form>
  );
}
