import { MessageBar, MessageBarBody, Spinner, Tab } from '@fluentui/react-components';
import { lazy, Suspense, useEffect, useState } from 'react';
import { getJson, type Me } from './api';
import type { Host } from './teams';
import { useCredentials } from './ui/credentials';
import { PageTabs, TabShell } from './ui/TabShell';
import { recordFromQuery, viewFor, viewFromQuery, type RecordView, type View } from './views';

// Each page is loaded when it is first opened: the first page a person sees loads only its own code.
const RequestsPage = lazy(() => import('./RequestsPage').then((module) => ({ default: module.RequestsPage })));
const ConsentPage = lazy(() => import('./ConsentPage').then((module) => ({ default: module.ConsentPage })));
const AccountsPage = lazy(() => import('./AccountsPage').then((module) => ({ default: module.AccountsPage })));
const TrainingPage = lazy(() => import('./TrainingPage').then((module) => ({ default: module.TrainingPage })));
const SettingsPage = lazy(() => import('./settings/SettingsPage').then((module) => ({ default: module.SettingsPage })));
const ReadinessPage = lazy(() => import('./ReadinessPage').then((module) => ({ default: module.ReadinessPage })));
const DevicesPage = lazy(() => import('./devices/DevicesPage').then((module) => ({ default: module.DevicesPage })));
const PostingRequestPage = lazy(() => import('./posting/PostingRequestPage').then((module) => ({ default: module.PostingRequestPage })));
const WaitingPage = lazy(() => import('./waiting/WaitingPage').then((module) => ({ default: module.WaitingPage })));
const AccessRequestPage = lazy(() => import('./waiting/AccessRequestPage').then((module) => ({ default: module.AccessRequestPage })));

const BACK_LABELS: Partial<Record<View, string>> = { waiting: 'Back to Waiting for me', requests: 'Back to all requests' };

/** The tab's pages other than incidents: what waits for me, requests (and one request), consent, school accounts, training, approved devices, School settings and the go-live checklist. */
export function App({ host }: { host: Host }) {
  const { credentials, pickPersona } = useCredentials(host);
  const [me, setMe] = useState<Me>();
  const [error, setError] = useState<string>();
  const [chosen, setPage] = useState<View>(() => viewFromQuery(window.location.search, host.subPageId));
  // The record a record page shows, and the list it was opened from (its "Back" goes there).
  const [record, setRecord] = useState(() => ({ ...recordFromQuery(window.location.search, host.subPageId), from: 'requests' as View }));
  const open = (view: RecordView, from: View) => (id: string) => {
    setRecord({ view, id, from });
    setPage(view);
  };
  const showsRecord = chosen === 'posting' || chosen === 'access';
  const page = viewFor(showsRecord && record.view !== chosen ? 'requests' : chosen, me);
  const back = { backLabel: BACK_LABELS[record.from] ?? 'Back', onBack: () => setPage(record.from) };

  useEffect(() => {
    setError(undefined);
    getJson<Me>('/api/me', credentials).then(setMe, (failure: Error) => setError(failure.message));
  }, [credentials]);

  return (
    <TabShell host={host} title="Online Safety Desk" me={me} onPickPersona={pickPersona}>
      <PageTabs selectedValue={page} onTabSelect={(_, data) => setPage(data.value as View)}>
        <Tab value="waiting">Waiting for me</Tab>
        <Tab value="requests">Blocked website requests</Tab>
        {me?.can.seeConsent && <Tab value="consent">Photo consent</Tab>}
        {me?.can.seeAccounts && <Tab value="accounts">School accounts</Tab>}
        {me && <Tab value="training">Training</Tab>}
        {me?.can.seeDevices && <Tab value="devices">Approved devices</Tab>}
        {me?.can.seeSettings && <Tab value="settings">School settings</Tab>}
        {me?.can.seeReadiness && <Tab value="readiness">Go-live checklist</Tab>}
      </PageTabs>
      {error && <MessageBar intent="error"><MessageBarBody>{error}</MessageBarBody></MessageBar>}
      <Suspense fallback={<Spinner label="Loading…" />}>
      {page === 'waiting' && <WaitingPage credentials={credentials} onOpen={(type, id) => open(type === 'accessRequest' ? 'access' : 'posting', 'waiting')(id)} />}
      {page === 'requests' && <RequestsPage credentials={credentials} onOpenPosting={open('posting', 'requests')} onOpenAccess={open('access', 'requests')} />}
      {page === 'training' && me && <TrainingPage credentials={credentials} />}
      {page === 'devices' && me?.can.seeDevices && <DevicesPage credentials={credentials} canManage={me.can.manageDevices} />}
      {page === 'posting' && record.id && <PostingRequestPage requestId={record.id} credentials={credentials} {...back} />}
      {page === 'access' && record.id && <AccessRequestPage requestId={record.id} credentials={credentials} {...back} />}
      {page === 'consent' && me?.can.seeConsent && <ConsentPage credentials={credentials} canRecord={me.can.recordConsent} canImport={me.can.importPupils} canExport={me.can.exportConsent} />}
      {page === 'settings' && me?.can.seeSettings && <SettingsPage credentials={credentials} />}
      {page === 'readiness' && me?.can.seeReadiness && <ReadinessPage credentials={credentials} />}
      {page === 'accounts' && me?.can.seeAccounts && <AccountsPage credentials={credentials} canManage={me.can.manageAccounts} {...(host.askConsent ? { askConsent: host.askConsent } : {})} {...(host.signInAgain ? { signInAgain: host.signInAgain } : {})} />}
      </Suspense>
    </TabShell>
  );
}
