import { Body1, Link, MessageBar, MessageBarBody, Spinner, Subtitle2, makeStyles, tokens } from '@fluentui/react-components';
import { Suspense, useCallback, useEffect, useRef, useState } from 'react';
import { getJson, type Credentials } from '../api';
import { DataTable, type Column } from '../ui/DataTable';
import { useFirstAnswer } from '../ui/first-answer';
import { FactList } from '../ui/FactList';
import { lazyComponent } from '../ui/lazy';
import { PERMISSION_STEPS } from './permission-kinds';
import { REVIEW_ACTION_STEPS, TAKEDOWN_STEPS, TRAINING_STEPS, type StepKind } from './step-kinds';
import type { StepAnswer } from './StepForm';
import { TYPE_NAMES, whenShown, type Waiting, type WaitingItem, type WaitingRecordType } from './waiting-api';

// A row's steps open on a click: their form is not loaded with the list.
const StepForm = lazyComponent(() => import('./StepForm'), 'StepForm');

const useStyles = makeStyles({
  page: { display: 'flex', flexDirection: 'column', gap: '12px' },
  heading: { margin: 0 },
  from: { color: tokens.colorNeutralForeground3 },
  panel: { display: 'flex', flexDirection: 'column', gap: '8px', paddingBlock: '8px' },
});

/** Records acted on from the list itself: everything needed to act is in their row. */
const IN_THE_LIST: Partial<Record<WaitingRecordType, StepKind>> = {
  takedown: TAKEDOWN_STEPS,
  trainingRecord: TRAINING_STEPS,
  reviewAction: REVIEW_ACTION_STEPS,
  ...PERMISSION_STEPS,
};

/** The facts a row opens with, by the names the server gives them. */
const FACT_LABELS: Record<string, string> = {
  account: 'School account',
  pupil: 'Pupil',
  media: 'Medium',
  completedOn: 'Completed on',
  evidence: 'Evidence',
  urgent: 'Urgent',
  lastDay: 'Last day',
  unblock: 'Unblock',
  due: 'Due by',
  review: 'Agreed at the review',
};

/**
 * Everything waiting for the person, newest first, with how many of each kind: a request opens on
 * its own page with the steps they may take; a post to take down or a training record to confirm
 * opens in the list.
 */
export function WaitingPage({
  credentials,
  onOpen,
}: {
  credentials: Credentials;
  onOpen(recordType: 'accessRequest' | 'postingRequest', id: string): void;
}) {
  const styles = useStyles();
  const [first, alreadyRead] = useFirstAnswer<Waiting>('/api/waiting', credentials);
  const [waiting, setWaiting] = useState(first);
  const [error, setError] = useState<string>();
  const [opened, setOpened] = useState<string>();
  const [outcome, setOutcome] = useState<{ intent: 'success' | 'warning'; text: string }>();
  const heading = useRef<HTMLHeadingElement>(null);

  const load = useCallback(() => {
    getJson<Waiting>('/api/waiting', credentials).then(setWaiting, (failure: Error) => setError(failure.message));
  }, [credentials]);
  useEffect(() => {
    if (alreadyRead()) return;
    setWaiting(undefined);
    setError(undefined);
    load();
  }, [load]);

  const answered = (item: WaitingItem, kind: StepKind) => (answer: StepAnswer) => {
    setOutcome(
      answer.outcome === 'done'
        ? { intent: 'success', text: `${item.reference}: ${kind.buttons[answer.verb]!.done}` }
        : { intent: 'warning', text: `${item.reference}: ${answer.message ?? ''}` },
    );
    setOpened(undefined);
    // The row leaves the list with its buttons: the focus goes back to the list's heading.
    heading.current?.focus();
    load();
  };

  if (error)
    return (
      <MessageBar intent="error">
        <MessageBarBody>{error}</MessageBarBody>
      </MessageBar>
    );
  if (!waiting) return <Spinner label="Loading what is waiting for you…" />;
  const key = (item: WaitingItem) => `${item.recordType}-${item.recordId}`;
  const columns: Column<WaitingItem>[] = [
    {
      header: 'Reference',
      width: '7em',
      cell: (item) =>
        IN_THE_LIST[item.recordType] ? (
          <Link
            as="button"
            aria-expanded={opened === key(item)}
            aria-label={`${opened === key(item) ? 'Close' : 'Open'} ${item.reference}`}
            onClick={() => setOpened(opened === key(item) ? undefined : key(item))}
          >
            {item.reference}
          </Link>
        ) : (
          <Link
            as="button"
            aria-label={`Open ${item.reference}`}
            onClick={() => onOpen(item.recordType as 'accessRequest' | 'postingRequest', item.recordId)}
          >
            {item.reference}
          </Link>
        ),
    },
    { header: 'What', width: '12em', cell: (item) => TYPE_NAMES[item.recordType][0] },
    {
      header: 'About',
      breakAnywhere: true,
      cell: (item) => (
        <>
          {item.title}
          {item.from && <div className={styles.from}>from {item.from}</div>}
        </>
      ),
    },
    { header: 'Waiting since', width: '11em', cell: (item) => whenShown(item.since) },
  ];
  const inList = (item: WaitingItem) => {
    const kind = IN_THE_LIST[item.recordType];
    if (!kind || opened !== key(item)) return null;
    return (
      <div className={styles.panel} data-testid="waiting-panel">
        <FactList facts={Object.entries(item.facts ?? {}).map(([name, value]) => [FACT_LABELS[name] ?? name, value])} />
        <Suspense fallback={<Spinner size="tiny" label="Loading…" />}>
          <StepForm
            kind={kind}
            recordId={item.recordId}
            reference={item.reference}
            version={item.version}
            steps={item.steps}
            credentials={credentials}
            onAnswer={answered(item, kind)}
          />
        </Suspense>
      </div>
    );
  };
  const counts = (Object.keys(TYPE_NAMES) as WaitingRecordType[])
    .filter((type) => waiting.counts[type] > 0)
    .map((type) => `${waiting.counts[type]} ${waiting.counts[type] === 1 ? TYPE_NAMES[type][0].toLowerCase() : TYPE_NAMES[type][1]}`);
  return (
    <section className={styles.page} aria-labelledby="waiting-title">
      <Subtitle2 as="h2" id="waiting-title" className={styles.heading} {...{ ref: heading, tabIndex: -1 }}>
        Waiting for me
      </Subtitle2>
      {outcome && (
        <MessageBar key={outcome.text} intent={outcome.intent}>
          <MessageBarBody>{outcome.text}</MessageBarBody>
        </MessageBar>
      )}
      <Body1 as="p" className={styles.heading} data-testid="waiting-counts">
        {waiting.items.length === 0
          ? "Nothing is waiting for you. When a request needs your review or decision, a post needs taking down or someone's training needs confirming, it shows here."
          : `${waiting.items.length === 1 ? 'One thing waits' : `${waiting.items.length} things wait`} for you: ${counts.join(', ')}. Newest first.`}
      </Body1>
      {waiting.items.length > 0 && (
        <DataTable
          label="Waiting for me"
          columns={columns}
          rows={waiting.items}
          rowKey={key}
          rowProps={() => ({ 'data-testid': 'waiting-row' })}
          after={inList}
          size="medium"
        />
      )}
    </section>
  );
}
