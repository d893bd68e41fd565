import { MessageBar, MessageBarBody, Spinner, Tab } from '@fluentui/react-components';
import { lazy, Suspense, useEffect, useState } from 'react';
import { getJson, type Me } from './api';
import type { Host } from './teams';
import { useCredentials } from './ui/credentials';
import { PageTabs, TabShell } from './ui/TabShell';
import { viewFor, viewFromQuery, type View } from './views';

// Each page is loaded when it is first opened: the first page a person sees loads only its own code.
const RequestsPage = lazy(() => import('./RequestsPage').then((module) => ({ default: module.RequestsPage })));
const ConsentPage = lazy(() => import('./ConsentPage').then((module) => ({ default: module.ConsentPage })));
const AccountsPage = lazy(() => import('./AccountsPage').then((module) => ({ default: module.AccountsPage })));
const TrainingPage = lazy(() => import('./TrainingPage').then((module) => ({ default: module.TrainingPage })));
const SettingsPage = lazy(() => import('./settings/SettingsPage').then((module) => ({ default: module.SettingsPage })));
const ReadinessPage = lazy(() => import('./ReadinessPage').then((module) => ({ default: module.ReadinessPage })));

/** The tab's pages other than incidents: requests, consent, school accounts, training, School settings and the go-live checklist. */
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
        {me?.can.seeReadiness && <Tab value="readiness">Go-live checklist</Tab>}
      </PageTabs>
      {error && <MessageBar intent="error"><MessageBarBody>{error}</MessageBarBody></MessageBar>}
      <Suspense fallback={<Spinner label="Loading…" />}>
      {page === 'requests' && <RequestsPage credentials={credentials} />}
      {page === 'training' && me && <TrainingPage credentials={credentials} />}
      {page === 'consent' && me?.can.seeConsent && <ConsentPage credentials={credentials} canRecord={me.can.recordConsent} canImport={me.can.importPupils} canExport={me.can.exportConsent} />}
      {page === 'settings' && me?.can.seeSettings && <SettingsPage credentials={credentials} />}
      {page === 'readiness' && me?.can.seeReadiness && <ReadinessPage credentials={credentials} />}
      {page === 'accounts' && me?.can.seeAccounts && <AccountsPage credentials={credentials} canManage={me.can.manageAccounts} {...(host.askConsent ? { askConsent: host.askConsent } : {})} {...(host.signInAgain ? { signInAgain: host.signInAgain } : {})} />}
      </Suspense>
    </TabShell>
  );
}
