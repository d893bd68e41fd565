import { MessageBar, MessageBarBody, MessageBarTitle, Spinner } from '@fluentui/react-components';
import { lazy, Suspense, useEffect, useState } from 'react';
import { getJson, type Me } from './api';
import type { Host } from './teams';
import { useCredentials } from './ui/credentials';
import { PageTab, PageTabs } from './ui/PageTabs';
import { TabShell } from './ui/TabShell';
import { LOAD_PAGE } from './pages';
import { isRecordView, openedFrom, pagesFor, viewFor, type Opened, type RecordView, type View } from './views';

// Each page is loaded when it is first opened: the first page a person sees loads only its own code.
const RequestsPage = lazy(() => LOAD_PAGE.requests().then((module) => ({ default: module.RequestsPage })));
const IncidentsPage = lazy(() => LOAD_PAGE.incidents().then((module) => ({ default: module.IncidentsPage })));
const ConsentPage = lazy(() => LOAD_PAGE.consent().then((module) => ({ default: module.ConsentPage })));
const AccountsPage = lazy(() => LOAD_PAGE.accounts().then((module) => ({ default: module.AccountsPage })));
const TrainingPage = lazy(() => LOAD_PAGE.training().then((module) => ({ default: module.TrainingPage })));
const PoliciesPage = lazy(() => LOAD_PAGE.policies().then((module) => ({ default: module.PoliciesPage })));
const SettingsPage = lazy(() => LOAD_PAGE.settings().then((module) => ({ default: module.SettingsPage })));
const ReadinessPage = lazy(() => LOAD_PAGE.readiness().then((module) => ({ default: module.ReadinessPage })));
const DevicesPage = lazy(() => LOAD_PAGE.devices().then((module) => ({ default: module.DevicesPage })));
const GovernancePage = lazy(() => LOAD_PAGE.governance().then((module) => ({ default: module.GovernancePage })));
const FilteringReviewPage = lazy(() => LOAD_PAGE.filteringReview().then((module) => ({ default: module.FilteringReviewPage })));
const PostingRequestPage = lazy(() => LOAD_PAGE.posting().then((module) => ({ default: module.PostingRequestPage })));
const WaitingPage = lazy(() => LOAD_PAGE.waiting().then((module) => ({ default: module.WaitingPage })));
const UnblocksPage = lazy(() => LOAD_PAGE.unblocks().then((module) => ({ default: module.UnblocksPage })));
const AccessRequestPage = lazy(() => LOAD_PAGE.access().then((module) => ({ default: module.AccessRequestPage })));

/** Each page's name in the navigation, in the order VIEWS gives. */
const PAGE_NAMES: Record<Exclude<View, RecordView>, string> = {
  waiting: 'Waiting for me',
  requests: 'Blocked website requests',
  unblocks: 'Unblocked sites',
  incidents: 'Incidents',
  consent: 'Photo consent',
  accounts: 'School accounts',
  training: 'Training',
  policies: 'Policies',
  devices: 'Approved devices',
  settings: 'School settings',
  readiness: 'Go-live checklist',
  governance: 'Governance',
  filteringReview: 'Filtering review',
};

/** Where a request's "Back" goes: the list it was opened from. */
const BACK_LABELS: Partial<Record<View, string>> = {
  waiting: 'Back to Waiting for me',
  requests: 'Back to all requests',
  unblocks: 'Back to unblocked sites',
};

/** The tab: one navigation over every page the person may see, and the page a link opened it on. */
export function App({ host }: { host: Host }) {
  const { credentials, pickPersona } = useCredentials(host);
  const [me, setMe] = useState<Me>();
  const [error, setError] = useState<string>();
  // The page chosen, the record it shows, and the page it was opened from (a request's "Back" goes there; a link opens it under the
  // requests).
  const [opened, setOpened] = useState<Opened & { from?: View }>(() => openedFrom(window.location.search, host.subPageId));
  const chosen = opened.view;
  const page = viewFor(chosen, me);
  const from = opened.from ?? 'requests';
  const open = (view: View, id?: string) => setOpened({ view, ...(id ? { id } : {}), from: page });
  const back = { backLabel: BACK_LABELS[from] ?? 'Back', onBack: () => open(from) };

  useEffect(() => {
    setError(undefined);
    getJson<Me>('/api/me', credentials).then(setMe, (failure: Error) => setError(failure.message));
  }, [credentials]);

  return (
    <TabShell host={host} title="Online Safety Desk" me={me} onPickPersona={pickPersona} tinted={page === 'incidents'}>
      <PageTabs aria-label="Pages" selectedValue={isRecordView(page) ? from : page} onTabSelect={(_, data) => open(data.value as View)}>
        {pagesFor(me).map((view) => (
          <PageTab key={view} value={view}>
            {PAGE_NAMES[view as Exclude<View, RecordView>]}
          </PageTab>
        ))}
      </PageTabs>
      {error && (
        <MessageBar intent="error">
          <MessageBarBody>{error}</MessageBarBody>
        </MessageBar>
      )}
      {me && chosen === 'incidents' && page !== 'incidents' && <IncidentsDenied />}
      <Suspense fallback={<Spinner label="Loading…" />}>
        {page === 'waiting' && (
          <WaitingPage credentials={credentials} onOpen={(type, id) => open(type === 'accessRequest' ? 'access' : 'posting', id)} />
        )}
        {page === 'requests' && (
          <RequestsPage credentials={credentials} onOpenPosting={(id) => open('posting', id)} onOpenAccess={(id) => open('access', id)} />
        )}
        {/* Keyed by person: someone else (a persona switched locally) starts from the log. */}
        {page === 'incidents' && me && (
          <IncidentsPage
            key={me.id}
            credentials={credentials}
            seesPupils={me.can.seePupilChronology}
            transfersFiles={me.can.transferPupilFiles}
            {...(opened.id ? { incidentId: opened.id } : {})}
          />
        )}
        {page === 'unblocks' && me?.can.seeUnblocks && <UnblocksPage credentials={credentials} onOpen={(id) => open('access', id)} />}
        {page === 'training' && me && <TrainingPage credentials={credentials} />}
        {page === 'policies' && me && <PoliciesPage credentials={credentials} />}
        {page === 'devices' && me?.can.seeDevices && <DevicesPage credentials={credentials} canManage={me.can.manageDevices} />}
        {page === 'posting' && opened.id && <PostingRequestPage requestId={opened.id} credentials={credentials} {...back} />}
        {page === 'access' && opened.id && <AccessRequestPage requestId={opened.id} credentials={credentials} {...back} />}
        {page === 'consent' && me?.can.seeConsent && (
          <ConsentPage
            credentials={credentials}
            canRecord={me.can.recordConsent}
            canImport={me.can.importPupils}
            canExport={me.can.exportConsent}
          />
        )}
        {page === 'settings' && me?.can.seeSettings && <SettingsPage credentials={credentials} />}
        {page === 'readiness' && me?.can.seeReadiness && <ReadinessPage credentials={credentials} />}
        {page === 'governance' && me?.can.seeGovernance && <GovernancePage credentials={credentials} />}
        {page === 'filteringReview' && me?.can.seeFilteringReview && <FilteringReviewPage credentials={credentials} />}
        {page === 'accounts' && me?.can.seeAccounts && (
          <AccountsPage
            credentials={credentials}
            canManage={me.can.manageAccounts}
            {...(host.askConsent ? { askConsent: host.askConsent } : {})}
            {...(host.signInAgain ? { signInAgain: host.signInAgain } : {})}
          />
        )}
      </Suspense>
    </TabShell>
  );
}

/** Someone sent to the incident log (an old link, a colleague's bookmark) who may not open it. */
function IncidentsDenied() {
  return (
    <MessageBar intent="warning" data-testid="access-denied" layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>You don't have access to the incident log</MessageBarTitle>
        Incidents are safeguarding records, so only the people the Social Media Policy names can open them. To report a concern, type{' '}
        <b>report a concern</b> to the Online Safety Desk bot.
      </MessageBarBody>
    </MessageBar>
  );
}
