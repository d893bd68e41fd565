import { Button, MessageBar, MessageBarBody, Subtitle2, makeStyles } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import { download, getJson, type Credentials } from '../api';
import { BarChart } from '../ui/BarChart';
import { signedAt, type PolicyVersionView, type VersionReaders } from './policies-api';

const useStyles = makeStyles({
  panel: { display: 'flex', flexDirection: 'column', gap: '8px', maxWidth: '720px' },
  names: { margin: 0, paddingInlineStart: '20px' },
});

/** Who has and has not read and understood a version: a chart, the names, and a CSV (the online safety lead, the headteacher). */
export function ReadersPanel({ credentials, title, version }: { credentials: Credentials; title: string; version: PolicyVersionView }) {
  const styles = useStyles();
  const [readers, setReaders] = useState<VersionReaders>();
  const [error, setError] = useState<string>();
  const path = `/api/policy-library/versions/${version.id}/readers`;
  useEffect(() => {
    getJson<VersionReaders>(path, credentials).then(setReaders, (failure: Error) => setError(failure.message));
  }, [credentials, path]);
  if (error)
    return (
      <MessageBar intent="error" layout="multiline">
        <MessageBarBody>{error}</MessageBarBody>
      </MessageBar>
    );
  if (!readers) return null;
  return (
    <section className={styles.panel} aria-label={`Who has read ${title} version ${version.number}`} data-testid="policy-readers">
      <BarChart
        caption={`${title}, version ${version.number}: read and understood`}
        testId="policy-read-chart"
        bars={[
          { label: 'Read and understood', count: readers.read.length },
          { label: 'Not yet', count: readers.notYet.length },
        ]}
      />
      <Subtitle2 as="h3">Not yet ({readers.notYet.length})</Subtitle2>
      {readers.notYet.length === 0 ? (
        <span>Everyone who must read it has.</span>
      ) : (
        <ul className={styles.names} data-testid="not-yet-list">
          {readers.notYet.map((person) => (
            <li key={person.personId}>{person.name}</li>
          ))}
        </ul>
      )}
      <Subtitle2 as="h3">Read and understood ({readers.read.length})</Subtitle2>
      {readers.read.length > 0 && (
        <ul className={styles.names} data-testid="read-list">
          {readers.read.map((person) => (
            <li key={person.personId}>{`${person.name}, ${signedAt(person.at)}`}</li>
          ))}
        </ul>
      )}
      <div>
        <Button
          onClick={() =>
            void download(`${path}.csv`, credentials, `policy-read-version-${version.id}.csv`).catch((failure: Error) =>
              setError(failure.message),
            )
          }
        >
          Export CSV
        </Button>
      </div>
    </section>
  );
}
