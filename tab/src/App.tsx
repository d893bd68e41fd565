import { MessageBar, MessageBarBody, Tab } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import { getJson, type Me } from './api';
import { AccountsPage } from './AccountsPage';
import { ConsentPage } from './ConsentPage';
import { RequestsPage } from './RequestsPage';
import { SettingsPage } from './settings/SettingsPage';
import { TrainingPage } from './TrainingPage';
import type { Host } from './teams';
import { useCredentials } from './ui/credentials';
import { PageTabs, TabShell } from './ui/TabShell';
import { viewFor, viewFromQuery, type View } from './views';

/** The tab's pages other than incidents: requests, consent, school accounts, training and School settings. */
export function App({ host }: { host: Host }) {
  const { credentials, pickPersona } = useCredentials(host);
  const [me, setMe] = useState<Me>();
  const [error, setError] = useState<string>();
  const [chosen, setPage] = useState<View>(() => viewFromQuery(window.location.search));
  const page = viewFor(chosen, me);

  useEffect(() => {
    setError(undefined);
    getJson<Me>('/api/me', credentials).then(setMe, (failure: Error) => setError(failure.message));
  }, [credentials]);

  return (
    <TabShell host={host} title="Online Safety Desk" me={me} onPickPersona={pickPersona}>
      <PageTabs selectedValue={page} onTabSelect={(_, data) => setPage(data.value as View)}>
        <Tab value="requests">Blocked website requests</Tab>
        {me?.can.seeConsent && <Tab value="consent">Photo consent</Tab>}
        {me?.can.seeAccounts && <Tab value="accounts">School accounts</Tab>}
        {me && <Tab value="training">Training</Tab>}
        {me?.can.seeSettings && <Tab value="settings">School settings</Tab>}
      </PageTabs>
      {error && <MessageBar intent="error"><MessageBarBody>{error}</MessageBarBody></MessageBar>}
      {page === 'requests' && <RequestsPage credentials={credentials} />}
      {page === 'training' && me && <TrainingPage credentials={credentials} />}
      {page === 'consent' && me?.can.seeConsent && <ConsentPage credentials={credentials} canRecord={me.can.recordConsent} canImport={me.can.importPupils} canExport={me.can.exportConsent} />}
      {page === 'settings' && me?.can.seeSettings && <SettingsPage credentials={credentials} />}
      {page === 'accounts' && me?.can.seeAccounts && <AccountsPage credentials={credentials} canManage={me.can.manageAccounts} {...(host.askConsent ? { askConsent: host.askConsent } : {})} />}
    </TabShell>
  );
}
