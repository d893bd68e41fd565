import { MessageBar, MessageBarBody, Tab } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import { getJson, type Me } from './api';
import { AccountsPage } from './AccountsPage';
import { ConsentPage } from './ConsentPage';
import { ReadinessPage } from './ReadinessPage';
import { RequestsPage } from './RequestsPage';
import { TrainingPage } from './TrainingPage';
import type { Host } from './teams';
import { useCredentials } from './ui/credentials';
import { PageTabs, TabShell } from './ui/TabShell';
import { postingRequestId, viewFor, viewFromQuery, type View } from './views';
import { DevicesPage } from './devices/DevicesPage';
import { PostingRequestPage } from './posting/PostingRequestPage';

/** The tab's pages other than incidents: requests (and one request to post), consent, school accounts, training and approved devices. */
export function App({ host }: { host: Host }) {
  const { credentials, pickPersona } = useCredentials(host);
  const [me, setMe] = useState<Me>();
  const [error, setError] = useState<string>();
  const [chosen, setPage] = useState<View>(() => viewFromQuery(window.location.search, host.subPageId));
  const [postingId, setPostingId] = useState(() => postingRequestId(window.location.search, host.subPageId));
  const openPosting = (id: string) => {
    setPostingId(id);
    setPage('posting');
  };
  const page = viewFor(chosen === 'posting' && !postingId ? 'requests' : chosen, me);

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
        {me?.can.seeDevices && <Tab value="devices">Approved devices</Tab>}
        {me?.can.seeReadiness && <Tab value="readiness">Go-live checklist</Tab>}
      </PageTabs>
      {error && <MessageBar intent="error"><MessageBarBody>{error}</MessageBarBody></MessageBar>}
      {page === 'requests' && <RequestsPage credentials={credentials} onOpenPosting={openPosting} />}
      {page === 'training' && me && <TrainingPage credentials={credentials} />}
      {page === 'devices' && me?.can.seeDevices && <DevicesPage credentials={credentials} canManage={me.can.manageDevices} />}
      {page === 'posting' && postingId && <PostingRequestPage requestId={postingId} credentials={credentials} onBack={() => setPage('requests')} />}
      {page === 'consent' && me?.can.seeConsent && <ConsentPage credentials={credentials} canRecord={me.can.recordConsent} canImport={me.can.importPupils} canExport={me.can.exportConsent} />}
      {page === 'readiness' && me?.can.seeReadiness && <ReadinessPage credentials={credentials} />}
      {page === 'accounts' && me?.can.seeAccounts && <AccountsPage credentials={credentials} canManage={me.can.manageAccounts} {...(host.askConsent ? { askConsent: host.askConsent } : {})} />}
    </TabShell>
  );
}
