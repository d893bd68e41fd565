import { Body1, FluentProvider, MessageBar, MessageBarBody, MessageBarTitle, Spinner, Tab, TabList, Title2, makeStyles, tokens } from '@fluentui/react-components';
import { useEffect, useMemo, useState } from 'react';
import { getJson, type Me } from '../api';
import type { Host } from '../teams';
import { IncidentDetailView } from './IncidentDetail';
import { IncidentList } from './IncidentList';
import { IncidentSummary } from './IncidentSummary';
import { PersonaPicker } from './PersonaPicker';
import { useTeamsTheme } from './theme';

const useStyles = makeStyles({
  page: { padding: '24px', display: 'flex', flexDirection: 'column', gap: '16px', minHeight: '100vh', boxSizing: 'border-box', backgroundColor: tokens.colorNeutralBackground2, color: tokens.colorNeutralForeground1 },
  header: { display: 'flex', justifyContent: 'space-between', alignItems: 'flex-end', flexWrap: 'wrap', gap: '12px' },
  titleBlock: { display: 'flex', flexDirection: 'column', gap: '4px' },
});

// Printing an incident shows the report alone: everything else is marked "no-print".
const PRINT_CSS = '@media print { .no-print { display: none !important; } body { background: white; } }';

/** The Incidents tab (`/tab/?view=incidents`): the DSL's log, one incident's record, and the summary. */
export function IncidentsPage({ host }: { host: Host }) {
  const styles = useStyles();
  const theme = useTeamsTheme(host);
  const [personaId, setPersonaId] = useState<string | undefined>(() => sessionStorage.getItem('persona') ?? undefined);
  const credentials = useMemo(() => (host.token ? { token: host.token } : { personaId }), [host, personaId]);
  const [me, setMe] = useState<Me>();
  const [denied, setDenied] = useState<string>();
  const [view, setView] = useState<'log' | 'summary'>('log');
  const [openId, setOpenId] = useState<string>();
  const [error, setError] = useState<string>();

  useEffect(() => {
    setMe(undefined);
    setDenied(undefined);
    setOpenId(undefined);
    getJson<Me>('/api/me', credentials).then(setMe, (failure: Error) => setError(failure.message));
  }, [credentials]);

  const pick = (id: string) => {
    sessionStorage.setItem('persona', id);
    setPersonaId(id);
  };

  return (
    <FluentProvider theme={theme}>
      <style>{PRINT_CSS}</style>
      <main className={styles.page}>
        <div className={`${styles.header} no-print`}>
          <div className={styles.titleBlock}>
            <Title2 as="h1">Incidents</Title2>
            {me && <Body1 as="p">Signed in as {me.displayName} ({me.roles.join(', ')})</Body1>}
          </div>
          {me?.localMode && <PersonaPicker current={me} personas={me.personas} onPick={pick} />}
        </div>
        {error && (
          <MessageBar intent="error">
            <MessageBarBody>{error}</MessageBarBody>
          </MessageBar>
        )}
        {!me && !error && <Spinner label="Loading…" />}
        {me && denied && <AccessDenied message={denied} />}
        {me && !denied && (
          <>
            <TabList className="no-print" selectedValue={openId ? 'log' : view} onTabSelect={(_, data) => { setOpenId(undefined); setView(data.value as 'log' | 'summary'); }}>
              <Tab value="log">Incident log</Tab>
              <Tab value="summary">Summary</Tab>
            </TabList>
            {openId ? (
              <IncidentDetailView credentials={credentials} id={openId} onBack={() => setOpenId(undefined)} />
            ) : view === 'log' ? (
              <IncidentList credentials={credentials} onOpen={setOpenId} onDenied={setDenied} />
            ) : (
              <IncidentSummary credentials={credentials} />
            )}
          </>
        )}
      </main>
    </FluentProvider>
  );
}

function AccessDenied({ message }: { message: string }) {
  return (
    <MessageBar intent="warning" data-testid="access-denied" layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>You don't have access to the incident log</MessageBarTitle>
        {message} Incidents are safeguarding records, so only the people the Social Media Policy names can open them. To report a concern, type <b>report a concern</b> to the Online Safety Desk bot.
      </MessageBarBody>
    </MessageBar>
  );
}
