import {
  Badge,
  Body1,
  Button,
  Caption1,
  MessageBar,
  MessageBarBody,
  Spinner,
  Subtitle2,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useEffect, useRef, useState } from 'react';
import { getJson, type Credentials } from './api';
import { shortDateTime } from './ui/dates';
import { useFirstAnswer } from './ui/first-answer';

type Level = 'green' | 'amber' | 'red';

interface ReadinessItem {
  id: string;
  /** Its number in the installation guide's checklist. */
  number: number;
  title: string;
  level: Level;
  found: string;
  fix?: string;
}

interface Readiness {
  overall: Level;
  checkedAt: string;
  items: ReadinessItem[];
  mode: 'local' | 'teams';
}

/** Each state in words as well as colour, so that it is never told by colour alone. */
const LEVELS: Record<Level, { label: string; color: 'success' | 'warning' | 'danger' }> = {
  green: { label: 'Ready', color: 'success' },
  amber: { label: 'Needs attention', color: 'warning' },
  red: { label: 'Not ready', color: 'danger' },
};

const useStyles = makeStyles({
  page: { display: 'flex', flexDirection: 'column', gap: '16px' },
  list: { listStyle: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: '8px' },
  item: {
    display: 'grid',
    gridTemplateColumns: 'auto 1fr',
    columnGap: '12px',
    rowGap: '4px',
    padding: '12px',
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    alignItems: 'start',
  },
  number: { fontWeight: tokens.fontWeightSemibold, minWidth: '1.5em' },
  text: { display: 'flex', flexDirection: 'column', gap: '4px', minWidth: 0, overflowWrap: 'anywhere' },
  heading: { display: 'flex', gap: '8px', alignItems: 'center', flexWrap: 'wrap', '& h3': { margin: 0 } },
  actions: { display: 'flex', gap: '12px', alignItems: 'center', flexWrap: 'wrap' },
});

/**
 * The go-live checklist: everything a school must have right before it relies on the app, each
 * item with what was found and, when it is not ready, the fix in one sentence. The same items,
 * in the same order, as the installation guide's numbered checklist.
 */
export function ReadinessPage({ credentials }: { credentials: Credentials }) {
  const styles = useStyles();
  const [first, alreadyRead] = useFirstAnswer<Readiness>('/api/readiness', credentials);
  const [readiness, setReadiness] = useState(first);
  const [checking, setChecking] = useState(false);
  const [error, setError] = useState<string>();
  const reads = useRef(0);

  const check = () => {
    const read = ++reads.current;
    setChecking(true);
    setError(undefined);
    return getJson<Readiness>('/api/readiness', credentials).then(
      (result) => {
        if (read !== reads.current) return;
        setReadiness(result);
        setChecking(false);
      },
      (failure: Error) => {
        if (read !== reads.current) return;
        setError(failure.message);
        setChecking(false);
      },
    );
  };
  useEffect(() => {
    if (!alreadyRead()) void check();
  }, [credentials]);

  const toFix = readiness?.items.filter((item) => item.level !== 'green').length ?? 0;
  return (
    <section className={styles.page} aria-labelledby="readiness-heading">
      <Subtitle2 as="h2" id="readiness-heading">
        Go-live checklist
      </Subtitle2>
      <Body1>
        Everything the school needs right before staff rely on Online Safety Desk. The installation guide takes the same items in the same
        order.
      </Body1>
      <div className={styles.actions}>
        <Button appearance="primary" disabled={checking} onClick={() => void check()}>
          Check again
        </Button>
        {checking && <Spinner size="tiny" label="Checking…" />}
        {readiness && !checking && <Caption1>Checked {shortDateTime(readiness.checkedAt)}</Caption1>}
      </div>
      {error && (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>{error}</MessageBarBody>
        </MessageBar>
      )}
      {readiness && !checking && (
        // A new bar for each check, so that its result is announced.
        <MessageBar
          key={readiness.checkedAt}
          intent={readiness.overall === 'green' ? 'success' : readiness.overall === 'amber' ? 'warning' : 'error'}
          layout="multiline"
          data-testid="readiness-overall"
        >
          <MessageBarBody>
            {readiness.overall === 'green'
              ? 'Every item is green: the school is ready.'
              : `${toFix} of ${readiness.items.length} items to fix before the school relies on the app.`}
            {readiness.mode === 'local' &&
              ' This copy runs on this machine with the demo school, so the items about Microsoft 365 are not checked.'}
          </MessageBarBody>
        </MessageBar>
      )}
      {readiness && (
        // Numbered as in the installation guide: an item that does not apply here keeps its number's gap.
        <ol className={styles.list} aria-label="Checklist">
          {readiness.items.map((item) => (
            <li key={item.id} className={styles.item} data-testid="readiness-item" data-level={item.level}>
              <span className={styles.number}>{item.number}.</span>
              <div className={styles.text}>
                <div className={styles.heading}>
                  <Subtitle2 as="h3">{item.title}</Subtitle2>
                  <Badge appearance="filled" color={LEVELS[item.level].color}>
                    {LEVELS[item.level].label}
                  </Badge>
                </div>
                <Body1>{item.found}</Body1>
                {item.fix && (
                  <Body1>
                    <strong>To fix: </strong>
                    {item.fix}
                  </Body1>
                )}
              </div>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
