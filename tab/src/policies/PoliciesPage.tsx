import { Body1, Button, Card, MessageBar, MessageBarBody, Spinner, Subtitle1, Subtitle2, makeStyles } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import { download, getJson, sendJson, type Credentials } from '../api';
import { DataTable } from '../ui/DataTable';
import { longDate, MUST_READ_LABELS, signedAt, type LibraryEntryView, type PolicyLibrary, type PolicyVersionView } from './policies-api';
import { PublishVersionForm } from './PublishVersionForm';
import { ReadersPanel } from './ReadersPanel';
import { TellingPanel } from './TellingPanel';
import { useFirstAnswer } from '../ui/first-answer';

const useStyles = makeStyles({
  page: { display: 'flex', flexDirection: 'column', gap: '16px' },
  card: { display: 'flex', flexDirection: 'column', gap: '8px', padding: '16px' },
  buttons: { display: 'flex', gap: '8px', flexWrap: 'wrap', alignItems: 'center' },
});

type Message = { intent: 'success' | 'error'; text: string };

/** The school's policies in force, each with its versions (s.2, s.12): open, sign as read, publish, see who has read it. */
export function PoliciesPage({ credentials }: { credentials: Credentials }) {
  const styles = useStyles();
  const [first, alreadyRead] = useFirstAnswer<PolicyLibrary>('/api/policy-library', credentials);
  const [library, setLibrary] = useState(first);
  const [message, setMessage] = useState<Message>();
  const [publishing, setPublishing] = useState(false);
  const load = () =>
    getJson<PolicyLibrary>('/api/policy-library', credentials).then(setLibrary, (failure: Error) =>
      setMessage({ intent: 'error', text: failure.message }),
    );
  useEffect(() => {
    if (!alreadyRead()) void load();
  }, [credentials]);
  if (!library)
    return message ? (
      <MessageBar intent="error" layout="multiline">
        <MessageBarBody>{message.text}</MessageBarBody>
      </MessageBar>
    ) : (
      <Spinner label="Loading the policy library…" />
    );

  const sign = async (entry: LibraryEntryView) => {
    const result = await sendJson<{ readAt?: string }>(
      'POST',
      `/api/policy-library/versions/${entry.versions[0]!.id}/read`,
      credentials,
      {},
    );
    setMessage(
      result.ok
        ? { intent: 'success', text: `Thank you: you have read and understood the ${entry.policy.title}.` }
        : { intent: 'error', text: result.body.error ?? 'Nothing was recorded.' },
    );
    await load();
  };

  return (
    <div className={styles.page}>
      <Body1>
        The school's policies in force. Open the current version; where you are asked to, read it and say you have understood it (policy
        section 2).
      </Body1>
      {message && (
        <MessageBar key={message.text} intent={message.intent} layout="multiline">
          <MessageBarBody>{message.text}</MessageBarBody>
        </MessageBar>
      )}
      {library.can.publish && !publishing && (
        <div>
          <Button appearance="primary" onClick={() => setPublishing(true)}>
            Publish a new version
          </Button>
        </div>
      )}
      {publishing && (
        <PublishVersionForm
          credentials={credentials}
          library={library}
          onCancel={() => setPublishing(false)}
          onPublished={(text) => (setPublishing(false), setMessage({ intent: 'success', text }), void load())}
        />
      )}
      {library.entries.length === 0 && <Body1 data-testid="library-empty">No policy has a document in the library yet.</Body1>}
      {library.entries.map((entry) => {
        const current = entry.versions[0]!;
        return (
          <Card key={entry.policy.id} className={styles.card} data-testid="library-entry">
            <Subtitle1 as="h2">{entry.policy.title}</Subtitle1>
            <Body1>{`Version ${current.number}, approved on ${longDate(current.approvedOn)} by ${current.approvedByName}. Must read: ${MUST_READ_LABELS[current.mustRead]}.`}</Body1>
            <Body1>{`What changed: ${current.changes}`}</Body1>
            {current.confirmations.map((confirmation) => (
              <Body1
                key={`${confirmation.on}-${confirmation.note}`}
              >{`Confirmed unchanged on ${longDate(confirmation.on)} (${confirmation.note}).`}</Body1>
            ))}
            <div className={styles.buttons}>
              <Button
                onClick={() =>
                  void download(`/api/policy-library/versions/${current.id}/file`, credentials, current.file.name).catch((failure: Error) =>
                    setMessage({ intent: 'error', text: failure.message }),
                  )
                }
              >{`Open version ${current.number} (${current.file.format === 'pdf' ? 'PDF' : 'Word'})`}</Button>
              {entry.mine.mustRead && !entry.mine.readAt && (
                <Button appearance="primary" onClick={() => void sign(entry)}>
                  I have read and understood it
                </Button>
              )}
              {entry.mine.readAt && <Body1 data-testid="signed">{`You read and understood it on ${signedAt(entry.mine.readAt)}.`}</Body1>}
            </div>
            {library.can.seeReaders && current.mustRead !== 'nobody' && (
              <ReadersPanel credentials={credentials} title={entry.policy.title} version={current} />
            )}
            {library.can.tell && <TellingPanel credentials={credentials} versionId={current.id} today={library.today} />}
            {entry.versions.length > 1 && <EarlierVersions versions={entry.versions.slice(1)} title={entry.policy.title} />}
          </Card>
        );
      })}
    </div>
  );
}

function EarlierVersions({ versions, title }: { versions: PolicyVersionView[]; title: string }) {
  return (
    <>
      <Subtitle2 as="h3">Earlier versions</Subtitle2>
      <DataTable
        label={`Earlier versions of the ${title}`}
        rows={versions}
        rowKey={(version) => version.id}
        columns={[
          { header: 'Version', cell: (version) => version.number },
          { header: 'Approved on', cell: (version) => longDate(version.approvedOn) },
          { header: 'Approved by', cell: (version) => version.approvedByName },
          { header: 'What changed', cell: (version) => version.changes },
        ]}
      />
    </>
  );
}
