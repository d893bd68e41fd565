import { MessageBar, MessageBarBody, MessageBarTitle, Spinner, Tab } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import { getJson, type Me } from '../api';
import type { Host } from '../teams';
import { useCredentials } from '../ui/credentials';
import { PageTabs, TabShell } from '../ui/TabShell';
import { IncidentDetailView } from './IncidentDetail';
import { IncidentList } from './IncidentList';
import { IncidentSummary } from './IncidentSummary';

/** The Incidents tab (`/tab/?view=incidents`): the DSL's log, one incident's record, and the summary. */
export function IncidentsPage({ host }: { host: Host }) {
  const { credentials, pickPersona } = useCredentials(host);
  const [me, setMe] = useState<Me>();
  const [denied, setDenied] = useState<string>();
  const [view, setView] = useState<'log' | 'summary'>('log');
  const [openId, setOpenId] = useState<string>();
  // The incident last opened: back in the log, the focus returns to its row.
  const [cameFrom, setCameFrom] = useState<string>();
  const [error, setError] = useState<string>();

  useEffect(() => {
    setMe(undefined);
    setDenied(undefined);
    setOpenId(undefined);
    setCameFrom(undefined);
    getJson<Me>('/api/me', credentials).then(setMe, (failure: Error) => setError(failure.message));
  }, [credentials]);

  const open = (id: string) => {
    setCameFrom(id);
    setOpenId(id);
  };

  return (
    <TabShell host={host} title="Incidents" me={me} onPickPersona={pickPersona} tinted>
      {error && (
        <MessageBar intent="error">
          <MessageBarBody>{error}</MessageBarBody>
        </MessageBar>
      )}
      {!me && !error && <Spinner label="Loading…" />}
      {me && denied && <AccessDenied message={denied} />}
      {me && !denied && (
        <>
          <PageTabs selectedValue={openId ? 'log' : view} onTabSelect={(_, data) => { setOpenId(undefined); setCameFrom(undefined); setView(data.value as 'log' | 'summary'); }}>
            <Tab value="log">Incident log</Tab>
            <Tab value="summary">Summary</Tab>
          </PageTabs>
          {openId ? (
            <IncidentDetailView credentials={credentials} id={openId} onBack={() => setOpenId(undefined)} />
          ) : view === 'log' ? (
            <IncidentList credentials={credentials} onOpen={open} onDenied={setDenied} focusRowOf={cameFrom} />
          ) : (
            <IncidentSummary credentials={credentials} />
          )}
        </>
      )}
    </TabShell>
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
