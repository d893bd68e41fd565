import { AnnounceProvider, makeStyles, type AnnounceContextValue } from '@fluentui/react-components';
import { useMemo, useState, type ReactNode } from 'react';

const useStyles = makeStyles({
  // Visually hidden, still read: the regions are for screen readers only.
  hidden: {
    position: 'absolute',
    width: '1px',
    height: '1px',
    margin: '-1px',
    padding: 0,
    overflow: 'hidden',
    clip: 'rect(0 0 0 0)',
    whiteSpace: 'nowrap',
    border: 0,
  },
});

type Message = { id: number; text: string; alert: boolean };

/** How many recent messages stay in the regions: enough for a result and an error in the same moment. */
const KEEP = 3;

/**
 * The tab's one announcer for results and errors. Fluent's MessageBar announces its text through
 * AnnounceProvider when it appears, so every result and error bar is read out; other code calls
 * `useAnnounce().announce(text)`. The regions are on the page from the start (a region added
 * together with its text is not read), and each message is a new node, so the same words said
 * twice are read twice. Errors go to the assertive region, everything else waits its turn.
 */
export function Announcer({ children }: { children: ReactNode }) {
  const styles = useStyles();
  const [messages, setMessages] = useState<Message[]>([]);
  const value = useMemo<AnnounceContextValue>(() => {
    let next = 0;
    return {
      announce: (text, options) => {
        if (!text.trim()) return;
        next += 1;
        const message = { id: next, text, alert: Boolean(options?.alert) };
        setMessages((current) => [...current, message].slice(-KEEP));
      },
    };
  }, []);
  const region = (alert: boolean) =>
    messages.filter((message) => message.alert === alert).map((message) => <span key={message.id}>{message.text} </span>);
  return (
    <AnnounceProvider value={value}>
      {children}
      <div data-testid="announcer" className={styles.hidden}>
        <div role="status">{region(false)}</div>
        <div role="alert">{region(true)}</div>
      </div>
    </AnnounceProvider>
  );
}
