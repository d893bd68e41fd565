import { Body1, Button, Field, MessageBar, MessageBarBody, Spinner, Textarea, makeStyles, tokens } from '@fluentui/react-components';
import { useRef, useState, type Ref } from 'react';
import { sendJson, type Credentials } from '../api';
import { TermDatesTable } from './TermDatesTable';
import type { TermDateEntry } from './settings-api';
import { Buttons } from './SettingsParts';

interface Plan {
  years: string[];
  entries: TermDateEntry[];
  replacing: number;
}

type Answer = { preview?: Plan; saved?: Plan; version?: number | null; problems?: { line: number; message: string }[]; error?: string };

const useStyles = makeStyles({
  panel: {
    display: 'flex',
    flexDirection: 'column',
    gap: '12px',
    padding: '16px',
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    '@media (max-width: 640px)': { padding: '8px' },
  },
  hidden: { display: 'none' },
  example: {
    margin: 0,
    padding: '8px',
    backgroundColor: tokens.colorNeutralBackground3,
    overflowX: 'auto',
    whiteSpace: 'pre-wrap',
    overflowWrap: 'anywhere',
  },
  problems: { margin: 0, paddingInlineStart: '20px' },
});

const EXAMPLE =
  'Name,Start,End,Type\nAutumn term,02/09/2027,17/12/2027,term\nHalf term,25/10/2027,29/10/2027,closure\nINSET day,03/01/2028,,closure';

/**
 * Term dates from a CSV as the local authority publishes them: the file is checked and shown as
 * it would be saved; nothing is saved until the person presses Save, and nothing at all while any
 * line is wrong.
 */
export function TermDatesImport({
  credentials,
  onSaved,
  onClose,
  chooseRef,
}: {
  credentials: Credentials;
  onSaved(message: string): void;
  onClose(): void;
  chooseRef?: Ref<HTMLButtonElement>;
}) {
  const styles = useStyles();
  const input = useRef<HTMLInputElement>(null);
  const [csv, setCsv] = useState('');
  const [busy, setBusy] = useState<string>();
  const [answer, setAnswer] = useState<Answer>();

  const send = async (text: string, apply: boolean) => {
    setBusy(apply ? 'Saving the term dates…' : 'Checking the file…');
    try {
      const result = await sendJson<Answer>('POST', '/api/settings/term-dates/import', credentials, {
        csv: text,
        apply,
        ...(apply && answer?.version ? { version: answer.version } : {}),
      });
      if (result.ok && result.body.saved) return onSaved(`Saved the term dates for ${result.body.saved.years.join(', ')} from the file.`);
      setAnswer(
        result.ok
          ? result.body
          : { ...result.body, error: result.body.error ?? `Nothing was saved (the server answered ${result.status}).` },
      );
    } catch {
      setAnswer({ error: 'The file could not be sent: the app could not be reached. Nothing was saved.' });
    } finally {
      setBusy(undefined);
    }
  };
  const check = (text: string) => {
    setCsv(text);
    void send(text, false);
  };

  return (
    <div className={styles.panel} data-testid="term-dates-import">
      <Body1 as="p">
        One line per term or closure, as your local authority publishes them. Dates as DD/MM/YYYY or YYYY-MM-DD; an empty End is a single
        day; the header row is optional; Type is term or closure (it can be left out for names like Half term or INSET day). The file's
        school years replace the same years here; other years stay as they are.
      </Body1>
      <Body1 as="p">For example:</Body1>
      <pre className={styles.example}>{EXAMPLE}</pre>
      <Buttons>
        <Button ref={chooseRef} appearance="primary" disabledFocusable={Boolean(busy)} onClick={() => input.current?.click()}>
          Choose CSV file…
        </Button>
        <input
          ref={input}
          className={styles.hidden}
          type="file"
          accept=".csv,text/csv,text/plain"
          aria-label="CSV file of term dates"
          onChange={(event) => {
            const file = event.target.files?.[0];
            event.target.value = '';
            if (file) void file.text().then(check);
          }}
        />
      </Buttons>
      <Field label="Or paste the lines here">
        <Textarea value={csv} resize="vertical" rows={4} onChange={(_, data) => setCsv(data.value)} />
      </Field>
      <Buttons>
        <Button disabledFocusable={Boolean(busy) || !csv.trim()} onClick={() => check(csv)}>
          Check
        </Button>
        <Button onClick={onClose}>Close</Button>
      </Buttons>
      {busy && <Spinner size="small" label={busy} />}
      {answer?.error && (
        <MessageBar intent="error">
          <MessageBarBody>{answer.error}</MessageBarBody>
        </MessageBar>
      )}
      {answer?.problems && (
        <ul className={styles.problems} data-testid="term-dates-problems">
          {answer.problems.map((problem, index) => (
            <li key={index}>
              <Body1>
                Line {problem.line}: {problem.message}
              </Body1>
            </li>
          ))}
        </ul>
      )}
      {answer?.preview && (
        <>
          <MessageBar intent="info">
            <MessageBarBody>
              Not saved yet. This file has {answer.preview.entries.length} lines for {answer.preview.years.join(', ')}; they replace the{' '}
              {answer.preview.replacing} lines held now for {answer.preview.years.length > 1 ? 'those years' : 'that year'}. Check them,
              then save.
            </MessageBarBody>
          </MessageBar>
          <div data-testid="term-dates-preview">
            <TermDatesTable label="Term dates in the file" entries={answer.preview.entries} />
          </div>
          <Buttons>
            <Button appearance="primary" disabledFocusable={Boolean(busy)} onClick={() => void send(csv, true)}>
              Save these term dates
            </Button>
          </Buttons>
        </>
      )}
    </div>
  );
}
