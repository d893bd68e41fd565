import { MessageBar, MessageBarBody, MessageBarTitle, Spinner } from '@fluentui/react-components';
import { Suspense, useEffect, useState } from 'react';
import { getJson, type Me } from './api';
import type { Host } from './teams';
import { useCredentials } from './ui/credentials';
import { useFirstAnswer } from './ui/first-answer';
import { IncidentsDenied } from './ui/IncidentsDenied';
import { lazyComponent } from './ui/lazy';
import { PageTab, PageTabs } from './ui/PageTabs';
import { TabShell } from './ui/TabShell';
import { forgetEarly } from './early';
import { LOAD_PAGE } from './pages';
import { isRecordView, openedFrom, pagesFor, viewFor, type Opened, type RecordView, type View } from './views';

// Each page is loaded when it is first opened: the first page a person sees loads only its own code.
const RequestsPage = lazyComponent(LOAD_PAGE.requests, 'RequestsPage');
const IncidentsPage = lazyComponent(LOAD_PAGE.incidents, 'IncidentsPage');
const ConsentPage = lazyComponent(LOAD_PAGE.consent, 'ConsentPage');
const AccountsPage = lazyComponent(LOAD_PAGE.accounts, 'AccountsPage');
const TrainingPage = lazyComponent(LOAD_PAGE.training, 'TrainingPage');
const PoliciesPage = lazyComponent(LOAD_PAGE.policies, 'PoliciesPage');
const SettingsPage = lazyComponent(LOAD_PAGE.settings, 'SettingsPage');
const ReadinessPage = lazyComponent(LOAD_PAGE.readiness, 'ReadinessPage');
const DevicesPage = lazyComponent(LOAD_PAGE.devices, 'DevicesPage');
const GovernancePage = lazyComponent(LOAD_PAGE.governance, 'GovernancePage');
const FilteringReviewPage = lazyComponent(LOAD_PAGE.filteringReview, 'FilteringReviewPage');
const PostingRequestPage = lazyComponent(LOAD_PAGE.posting, 'PostingRequestPage');
const WaitingPage = lazyComponent(LOAD_PAGE.waiting, 'WaitingPage');
const UnblocksPage = lazyComponent(LOAD_PAGE.unblocks, 'UnblocksPage');
const AccessRequestPage = lazyComponent(LOAD_PAGE.access, 'AccessRequestPage');

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
  const [first, alreadyRead] = useFirstAnswer<Me>('/api/me', credentials);
  const [me, setMe] = useState(first);
  const [error, setError] = useState<string>();
  // The page chosen, the record it shows, and the page it was opened from (a request's "Back" goes there; a link opens it under the
  // requests).
  const [opened, setOpened] = useState<Opened & { from?: View }>(() => openedFrom(window.location.search, host.subPageId));
  const chosen = opened.view;
  const page = viewFor(chosen, me);
  const from = opened.from ?? 'requests';
  const open = (view: View, id?: string) => {
    forgetEarly();
    setOpened({ view, ...(id ? { id } : {}), from: page });
  };
  const back = { backLabel: BACK_LABELS[from] ?? 'Back', onBack: () => open(from) };

  useEffect(() => {
    if (alreadyRead()) return;
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
      {me && chosen !== 'incidents' && !isRecordView(chosen) && page !== chosen && <PageDenied name={PAGE_NAMES[chosen]} />}
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

/** Someone a link or a reminder sent to a page that is not for them (a teacher opening the Governance tab): say so, not a silent switch. */
function PageDenied({ name }: { name: string }) {
  return (
    <MessageBar intent="info" data-testid="page-denied" layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>The {name} page is not one of yours</MessageBarTitle>
        The Social Media Policy gives that page's work to other people in the school, so this shows what waits for you instead.
      </MessageBarBody>
    </MessageBar>
  );
}
