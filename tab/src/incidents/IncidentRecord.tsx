import { Body1, Card, Subtitle2, Text, makeStyles, tokens } from '@fluentui/react-components';
import type { ReactNode, Ref } from 'react';
import type { Credentials } from '../api';
import { BodyMap } from './BodyMap';
import { EvidenceFiles } from './EvidenceFiles';
import { formatDate, formatDateTime, type IncidentDetail, type Step } from './incidents-api';
import { FollowUps } from './IncidentStepForms';
import { PeopleInvolved } from './PeopleInvolved';
import { schoolToday } from '../school-today';

const useStyles = makeStyles({
  facts: { display: 'grid', gridTemplateColumns: 'max-content minmax(0, 1fr)', gap: '6px 16px', margin: 0 },
  term: { fontWeight: tokens.fontWeightSemibold },
  text: { whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' },
  chronology: { listStyle: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: '10px' },
  entry: { borderLeft: `3px solid ${tokens.colorBrandStroke1}`, paddingLeft: '10px', display: 'flex', flexDirection: 'column', gap: '2px' },
  prompt: { color: tokens.colorPaletteDarkOrangeForeground1 },
  quote: {
    margin: 0,
    display: 'flex',
    flexDirection: 'column',
    gap: '4px',
    '& blockquote': { margin: 0, paddingLeft: '10px', borderLeft: `3px solid ${tokens.colorNeutralStroke1}` },
  },
});

/**
 * The record itself, as printed: what was reported, the people involved with their parts, the body
 * map, follow-ups and the chronology. The newest entry can take the focus (`newestEntryRef`), so
 * that someone who has just added it is taken to it. The controls around them are not printed.
 */
export function IncidentRecord({
  detail,
  newestEntryRef,
  credentials,
  saving,
  onSave,
  onReload,
  onOpenPupil,
}: {
  detail: IncidentDetail;
  newestEntryRef: Ref<HTMLLIElement>;
  credentials: Credentials;
  saving: boolean;
  onSave(step: Step): Promise<boolean>;
  onReload(): Promise<unknown>;
  onOpenPupil?(pupilId: string): void;
}) {
  const styles = useStyles();
  const { incident, chronology, routing } = detail;
  const today = schoolToday();
  return (
    <>
      <Card>
        <Subtitle2 as="h3" block>
          What was reported
        </Subtitle2>
        <Body1 className={styles.text} data-testid="what-happened">
          {incident.whatHappened}
        </Body1>
        <dl className={styles.facts}>
          <Fact term="Happened on">{formatDate(incident.occurredOn)}</Fact>
          <Fact term="Where">
            {incident.where}
            {incident.platform ? ` — ${incident.platform}` : ''}
          </Fact>
          <Fact term="Who is involved">{incident.involved}</Fact>
          <Fact term="Reported by">
            {incident.reporterName}, {formatDateTime(incident.reportedAt)}
          </Fact>
          {incident.sourceMessage && (
            <Fact term="Teams message">
              {incident.sourceMessage.author}
              {incident.sourceMessage.sentAt ? `, sent ${formatDateTime(incident.sourceMessage.sentAt)}` : ''}
              {incident.sourceMessage.link ? (
                <>
                  {' '}
                  —{' '}
                  <a href={incident.sourceMessage.link} target="_blank" rel="noreferrer">
                    open the message
                  </a>
                </>
              ) : null}
            </Fact>
          )}
          <Fact term="Routed to">
            {incident.routedToLabel}
            {incident.aboutHeadteacher ? ' (a concern about the headteacher: hidden from the headteacher)' : ''}
          </Fact>
          <Fact term="Procedure">
            {routing.procedure} (policy {routing.policy})
          </Fact>
          <Fact term="Assigned to">{incident.assigneeName ?? 'nobody yet'}</Fact>
          <Fact term="CPOMS reference">{incident.cpomsReference ?? 'not recorded'}</Fact>
          <Fact term="Police">
            {incident.police
              ? `${incident.police.contacted ? 'Contacted' : 'Not contacted'} — decided by ${incident.police.decidedBy}${incident.police.decidedAsLabel ? ` as ${incident.police.decidedAsLabel}` : ''}, ${formatDateTime(incident.police.recordedAt)}: ${incident.police.reason}`
              : 'no decision recorded'}
          </Fact>
          {incident.category === 'dataProtectionBreach' && (
            <Fact term="ICO">
              {incident.ico
                ? `${incident.ico.reported ? 'Reported' : 'Not reported'} — decided by ${incident.ico.decidedBy}, ${formatDateTime(incident.ico.recordedAt)}: ${incident.ico.reason}`
                : detail.ico
                  ? `to be decided by ${formatDateTime(detail.ico.deadline)} (72 hours from being reported)`
                  : 'no decision recorded'}
            </Fact>
          )}
          <Fact term="First opened">
            {incident.firstOpened ? `${incident.firstOpened.byName}, ${formatDateTime(incident.firstOpened.at)}` : 'not yet'}
          </Fact>
        </dl>
        {incident.sourceMessage?.text !== undefined && (
          <figure className={styles.quote}>
            <figcaption>
              <Text weight="semibold">The Teams message as it was when reported</Text>
            </figcaption>
            <blockquote className={styles.text} data-testid="message-copy">
              {incident.sourceMessage.text}
            </blockquote>
          </figure>
        )}
        {routing.prompt && (
          <Body1 className={styles.prompt} role="note">
            {routing.prompt}
          </Body1>
        )}
      </Card>
      <PeopleInvolved
        credentials={credentials}
        links={detail.links}
        staff={detail.staff}
        canEdit
        saving={saving}
        onSave={onSave}
        {...(onOpenPupil ? { onOpenPupil } : {})}
      />
      <BodyMap saved={incident.bodyMap} canEdit saving={saving} onSave={(marks) => onSave({ type: 'bodyMap', marks })} />
      <FollowUps followUps={incident.followUps} today={today} saving={saving} onSave={onSave} />
      <EvidenceFiles
        credentials={credentials}
        incidentId={incident.id}
        files={incident.evidence}
        canRemove={detail.canRemoveEvidence}
        onChanged={onReload}
      />
      <Card>
        <Subtitle2 as="h3" block>
          Chronology
        </Subtitle2>
        <ol className={styles.chronology} data-testid="chronology">
          {chronology.map((entry, index) => (
            <li key={entry.id} className={styles.entry} tabIndex={-1} ref={index === chronology.length - 1 ? newestEntryRef : undefined}>
              <Text weight="semibold">
                {formatDateTime(entry.at)} — {entry.byName}
              </Text>
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
