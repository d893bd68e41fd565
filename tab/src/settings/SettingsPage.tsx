import { Body1, MessageBar, MessageBarBody, Spinner, makeStyles } from '@fluentui/react-components';
import { useCallback, useEffect, useRef, useState } from 'react';
import { getJson, type Credentials } from '../api';
import { PolicyRegisterSection } from './PolicyRegisterSection';
import { RequirementsSection } from './RequirementsSection';
import { SchoolDetailsSection } from './SchoolDetailsSection';
import type { SettingsData } from './settings-api';
import { TermDatesSection } from './TermDatesSection';
import { useFirstAnswer } from '../ui/first-answer';

const useStyles = makeStyles({
  page: { display: 'flex', flexDirection: 'column', gap: '20px' },
  intro: { margin: 0, maxWidth: '72ch' },
});

/**
 * School settings: what makes the app this school's (its name, its policy register, its term
 * dates, its training requirements). Everyone who keeps a part sees the whole page; each part can
 * be changed only by those who keep it, and the server checks again.
 */
export function SettingsPage({ credentials }: { credentials: Credentials }) {
  const styles = useStyles();
  const [first, alreadyRead] = useFirstAnswer<SettingsData>('/api/settings', credentials);
  const [data, setData] = useState(first);
  const [error, setError] = useState<string>();
  // Only the latest read is shown: an earlier one that answers late must not bring back old values.
  const reads = useRef(0);
  const load = useCallback(() => {
    const read = ++reads.current;
    getJson<SettingsData>('/api/settings', credentials).then(
      (found) => read === reads.current && setData(found),
      (failure: Error) => setError(failure.message),
    );
  }, [credentials]);
  useEffect(() => {
    if (!alreadyRead()) load();
  }, [load]);

  if (error)
    return (
      <MessageBar intent="error">
        <MessageBarBody>{error}</MessageBarBody>
      </MessageBar>
    );
  if (!data) return <Spinner label="Loading School settings…" />;
  const parts = { data, credentials, onSaved: load };
  return (
    <div className={styles.page} data-testid="school-settings">
      <Body1 as="p" className={styles.intro}>
        What makes Online Safety Desk your school's: nothing here is built into the app. Every change is kept in the audit log with who made
        it and when.
      </Body1>
      <SchoolDetailsSection {...parts} />
      <PolicyRegisterSection {...parts} />
      <TermDatesSection {...parts} />
      <RequirementsSection {...parts} />
    </div>
  );
}
