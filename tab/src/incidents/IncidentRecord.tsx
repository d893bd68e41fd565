import { Body1, Card, Subtitle2, Text, makeStyles, tokens } from '@fluentui/react-components';
import type { ReactNode, Ref } from 'react';
import { formatDate, formatDateTime, type IncidentDetail } from './incidents-api';

const useStyles = makeStyles({
  facts: { display: 'grid', gridTemplateColumns: 'max-content minmax(0, 1fr)', gap: '6px 16px', margin: 0 },
  term: { fontWeight: tokens.fontWeightSemibold },
  text: { whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' },
  chronology: { listStyle: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: '10px' },
  entry: { borderLeft: `3px solid ${tokens.colorBrandStroke1}`, paddingLeft: '10px', display: 'flex', flexDirection: 'column', gap: '2px' },
  prompt: { color: tokens.colorPaletteDarkOrangeForeground1 },
});

/**
 * The record itself, as printed: what was reported and the chronology. The newest entry can take
 * the focus (`newestEntryRef`), so that someone who has just added it is taken to it.
 */
export function IncidentRecord({ detail, newestEntryRef }: { detail: IncidentDetail; newestEntryRef: Ref<HTMLLIElement> }) {
  const styles = useStyles();
  const { incident, chronology, routing } = detail;
  return (
    <>
      <Card>
        <Subtitle2 as="h3" block>What was reported</Subtitle2>
        <Body1 className={styles.text} data-testid="what-happened">{incident.whatHappened}</Body1>
        <dl className={styles.facts}>
          <Fact term="Happened on">{formatDate(incident.occurredOn)}</Fact>
          <Fact term="Where">{incident.where}{incident.platform ? ` — ${incident.platform}` : ''}</Fact>
          <Fact term="Who is involved">{incident.involved}</Fact>
          <Fact term="Reported by">{incident.reporterName}, {formatDateTime(incident.reportedAt)}</Fact>
          {incident.sourceMessage && <Fact term="Teams message">{incident.sourceMessage.author} — <a href={incident.sourceMessage.link} target="_blank" rel="noreferrer">open the message</a></Fact>}
          <Fact term="Routed to">{incident.routedToLabel}{incident.aboutHeadteacher ? ' (a concern about the headteacher: hidden from the headteacher)' : ''}</Fact>
          <Fact term="Procedure">{routing.procedure} (policy {routing.policy})</Fact>
          <Fact term="Assigned to">{incident.assigneeName ?? 'nobody yet'}</Fact>
          <Fact term="CPOMS reference">{incident.cpomsReference ?? 'not recorded'}</Fact>
          <Fact term="Police">{incident.police ? `${incident.police.contacted ? 'Contacted' : 'Not contacted'} — decided by ${incident.police.decidedBy}: ${incident.police.reason}` : 'no decision recorded'}</Fact>
        </dl>
        {routing.prompt && <Body1 className={styles.prompt} role="note">{routing.prompt}</Body1>}
      </Card>
      <Card>
        <Subtitle2 as="h3" block>Chronology</Subtitle2>
        <ol className={styles.chronology} data-testid="chronology">
          {chronology.map((entry, index) => (
            <li key={entry.id} className={styles.entry} tabIndex={-1} ref={index === chronology.length - 1 ? newestEntryRef : undefined}>
              <Text weight="semibold">{formatDateTime(entry.at)} — {entry.byName}</Text>
              <Body1 className={styles.text}>{entry.text}</Body1>
            </li>
          ))}
        </ol>
      </Card>
    </>
  );
}

function Fact({ term, children }: { term: string; children: ReactNode }) {
  const styles = useStyles();
  return (
    <>
      <dt className={styles.term}>{term}</dt>
      <dd style={{ margin: 0 }}>{children}</dd>
    </>
  );
}
