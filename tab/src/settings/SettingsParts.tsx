import { Body1, Button, MessageBar, MessageBarBody, Spinner, Subtitle2, makeStyles, tokens } from '@fluentui/react-components';
import { useEffect, useRef, useState, type ReactNode } from 'react';
import type { Errors, Saved } from './settings-api';

const useStyles = makeStyles({
  section: {
    display: 'flex',
    flexDirection: 'column',
    gap: '12px',
    paddingBlockEnd: '16px',
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  heading: { margin: 0 },
  intro: { margin: 0, maxWidth: '72ch' },
  buttons: { display: 'flex', gap: '8px', flexWrap: 'wrap' },
  form: { display: 'grid', gap: '12px', maxWidth: '720px' },
});

/** One part of School settings: its heading, what it is for and who keeps it, then its content. */
export function SettingsSection({ id, title, intro, children }: { id: string; title: string; intro: ReactNode; children: ReactNode }) {
  const styles = useStyles();
  return (
    <section aria-labelledby={id} className={styles.section} data-testid={`settings-${id}`}>
      <Subtitle2 as="h2" id={id} className={styles.heading}>
        {title}
      </Subtitle2>
      <Body1 as="p" className={styles.intro}>
        {intro}
      </Body1>
      {children}
    </section>
  );
}

export function SettingsForm({ label, onSubmit, children }: { label: string; onSubmit(): void; children: ReactNode }) {
  const styles = useStyles();
  return (
    <form
      className={styles.form}
      aria-label={label}
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        onSubmit();
      }}
    >
      {children}
    </form>
  );
}

/** Save (which says when it is saving, and cannot be pressed twice meanwhile) and Cancel. */
export function FormButtons({ saving, saveLabel = 'Save', onCancel }: { saving: boolean; saveLabel?: string; onCancel(): void }) {
  const styles = useStyles();
  return (
    <div className={styles.buttons}>
      <Button appearance="primary" type="submit" disabledFocusable={saving} icon={saving ? <Spinner size="tiny" /> : undefined}>
        {saving ? 'Saving…' : saveLabel}
      </Button>
      <Button onClick={onCancel} disabled={saving}>
        Cancel
      </Button>
    </div>
  );
}

export function Buttons({ children }: { children: ReactNode }) {
  return <div className={useStyles().buttons}>{children}</div>;
}

export type Outcome = { intent: 'success' | 'error' | 'warning'; text: string };

/** The result of the last save, read out when it appears (the tab's announcer). */
export function OutcomeBar({ outcome }: { outcome?: Outcome }) {
  return outcome ? (
    <MessageBar key={outcome.text} intent={outcome.intent}>
      <MessageBarBody>{outcome.text}</MessageBarBody>
    </MessageBar>
  ) : null;
}

/**
 * A save's states for one form: saving, the server's field errors, and the outcome. When someone
 * else saved first, the person's own changes stay in the form (nothing of theirs is lost), the
 * version moves on to the one now stored, and they are told what the other person saved.
 */
export function useSave<T>() {
  const [saving, setSaving] = useState(false);
  const [errors, setErrors] = useState<Errors>({});
  const [outcome, setOutcome] = useState<Outcome>();
  const inFlight = useRef(false);
  const run = async (send: () => Promise<Saved<T>>, handlers: { saved(record: T): string; conflict(current: T): string }) => {
    // Enter pressed twice, or a click while the answer is on its way: one save only.
    if (inFlight.current) return;
    inFlight.current = true;
    setSaving(true);
    setOutcome(undefined);
    const result = await send();
    inFlight.current = false;
    setSaving(false);
    if (result.status === 'saved') {
      setErrors({});
      setOutcome({ intent: 'success', text: handlers.saved(result.record) });
    } else if (result.status === 'invalid') {
      setErrors(result.errors);
      setOutcome({ intent: 'error', text: `${result.message} (${Object.keys(result.errors).length} to correct)` });
    } else if (result.status === 'conflict') {
      setErrors({});
      setOutcome({
        intent: 'warning',
        text: `Someone else saved this while you were editing, so nothing of yours was saved yet. They saved: ${handlers.conflict(result.current)}. Your changes are still in the form: check them, then save again to replace theirs, or cancel to keep theirs.`,
      });
    } else {
      setOutcome({ intent: 'error', text: result.message });
    }
  };
  const reset = () => {
    setErrors({});
    setOutcome(undefined);
  };
  return { saving, errors, outcome, setOutcome, run, reset };
}

/**
 * Opening a form (named by `openKey`, such as "new" or a record's id) focuses its first field;
 * closing it returns the focus to the button that opened it. `keep(key)` is that button's ref.
 */
export function useFormFocus(openKey: string | undefined) {
  const buttons = useRef(new Map<string, HTMLButtonElement>());
  const firstElement = useRef<HTMLElement | null>(null);
  const opener = useRef<string>();
  useEffect(() => {
    if (openKey !== undefined) {
      opener.current = openKey;
      firstElement.current?.focus();
    } else if (opener.current) {
      buttons.current.get(opener.current)?.focus();
    }
  }, [openKey]);
  const keep = (key: string) => (button: HTMLButtonElement | null) =>
    button ? buttons.current.set(key, button) : buttons.current.delete(key);
  /** The ref of the form's first field (or button). */
  const first = (element: HTMLElement | null) => (firstElement.current = element);
  return { first, keep };
}
