import {
  Body1,
  Button,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  Select,
  Subtitle2,
  Textarea,
  makeStyles,
} from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import { getJson, sendJson, type Credentials } from '../api';
import { longDate, type TellingView } from './policies-api';

const useStyles = makeStyles({
  panel: { display: 'grid', gap: '10px', maxWidth: '720px' },
  // One column on a phone; side by side where they fit.
  row: { display: 'grid', gap: '8px', gridTemplateColumns: 'repeat(auto-fill, minmax(min(100%, 11em), 1fr))', alignItems: 'end' },
  list: { margin: 0, paddingInlineStart: '20px' },
});

const HOW: Record<TellingView['sent'][number]['how'], string> = {
  newsletter: 'Newsletter',
  website: 'School website',
  classLessons: 'Class lessons',
};
const WHO: Record<TellingView['sent'][number]['audience'], string> = { pupils: 'Pupils', parents: 'Parents' };

/**
 * The headteacher's short texts for pupils and parents about a change (s.12), and when and how each
 * was told. The app sends nothing to parents.
 */
export function TellingPanel({ credentials, versionId, today }: { credentials: Credentials; versionId: string; today: string }) {
  const styles = useStyles();
  const path = `/api/policy-library/versions/${versionId}/telling`;
  const [telling, setTelling] = useState<TellingView>();
  const [texts, setTexts] = useState({ pupilsText: '', parentsText: '' });
  const [told, setTold] = useState({ audience: 'parents', how: 'newsletter', on: today });
  const [message, setMessage] = useState<{ intent: 'success' | 'error'; text: string }>();
  const show = (answer: TellingView) => (setTelling(answer), setTexts({ pupilsText: answer.pupilsText, parentsText: answer.parentsText }));
  useEffect(() => {
    getJson<TellingView>(path, credentials).then(show, (failure: Error) => setMessage({ intent: 'error', text: failure.message }));
  }, [credentials, path]);
  if (!telling)
    return message ? (
      <MessageBar intent="error" layout="multiline">
        <MessageBarBody>{message.text}</MessageBarBody>
      </MessageBar>
    ) : null;

  const save = async (method: 'PUT' | 'POST', suffix: string, body: object, done: string) => {
    const result = await sendJson<TellingView>(method, `${path}${suffix}`, credentials, body);
    if (!result.ok) return setMessage({ intent: 'error', text: result.body.error ?? 'Nothing was saved.' });
    show(result.body);
    setMessage({ intent: 'success', text: done });
  };

  return (
    <section className={styles.panel} aria-label="Telling pupils and parents" data-testid="telling-panel">
      <Subtitle2 as="h3">Telling pupils and parents</Subtitle2>
      <Body1>
        {telling.drafted
          ? 'A first draft from the summary of changes: edit it, then save. The app does not send anything to parents: use it in the newsletter, on the website or in class.'
          : `Saved by ${telling.editedByName}.`}
      </Body1>
      {message && (
        <MessageBar key={message.text} intent={message.intent} layout="multiline">
          <MessageBarBody>{message.text}</MessageBarBody>
        </MessageBar>
      )}
      <Field label="For pupils">
        <Textarea value={texts.pupilsText} resize="vertical" onChange={(_, data) => setTexts({ ...texts, pupilsText: data.value })} />
      </Field>
      <Field label="For parents">
        <Textarea value={texts.parentsText} resize="vertical" onChange={(_, data) => setTexts({ ...texts, parentsText: data.value })} />
      </Field>
      <div>
        <Button onClick={() => void save('PUT', '', texts, 'The texts are saved.')}>Save the texts</Button>
      </div>
      <div className={styles.row}>
        <Field label="Who was told">
          <Select value={told.audience} onChange={(_, data) => setTold({ ...told, audience: data.value })}>
            {Object.entries(WHO).map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </Select>
        </Field>
        <Field label="How">
          <Select value={told.how} onChange={(_, data) => setTold({ ...told, how: data.value })}>
            {Object.entries(HOW).map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </Select>
        </Field>
        <Field label="On">
          <Input type="date" value={told.on} max={today} onChange={(_, data) => setTold({ ...told, on: data.value })} />
        </Field>
        <Button onClick={() => void save('POST', '/sent', told, 'Recorded.')}>Record as told</Button>
      </div>
      {telling.sent.length > 0 && (
        <ul className={styles.list} data-testid="told-list">
          {telling.sent.map((entry, index) => (
            <li key={index}>{`${WHO[entry.audience]}: ${HOW[entry.how]}, ${longDate(entry.on)} (recorded by ${entry.byName})`}</li>
          ))}
        </ul>
      )}
    </section>
  );
}
