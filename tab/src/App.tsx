import {
  Badge,
  Body1,
  Dropdown,
  FluentProvider,
  Field,
  MessageBar,
  MessageBarBody,
  Option,
  Spinner,
  Tab,
  TabList,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Title2,
  teamsDarkTheme,
  teamsHighContrastTheme,
  teamsLightTheme,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useEffect, useMemo, useState } from 'react';
import { getJson, type AccessRequestSummary, type Me } from './api';
import { AccountsPage } from './AccountsPage';
import { ConsentPage } from './ConsentPage';
import { TrainingPage } from './TrainingPage';
import type { Host } from './teams';
import { viewFor, viewFromQuery, type View } from './views';

const THEMES = { default: teamsLightTheme, dark: teamsDarkTheme, contrast: teamsHighContrastTheme };

const useStyles = makeStyles({
  page: { padding: '24px', display: 'flex', flexDirection: 'column', gap: '16px', minHeight: '100vh', boxSizing: 'border-box' },
  header: { display: 'flex', justifyContent: 'space-between', alignItems: 'flex-end', flexWrap: 'wrap', gap: '12px' },
  titleBlock: { display: 'flex', flexDirection: 'column', gap: '4px' },
  idColumn: { width: '56px' },
  statusColumn: { width: '200px' },
  dateColumn: { width: '120px' },
  url: { wordBreak: 'break-all' },
  empty: { color: tokens.colorNeutralForeground3 },
});

const STATE_COLOURS: Record<string, 'brand' | 'success' | 'warning' | 'danger' | 'informative'> = {
  withOnlineSafetyLead: 'brand',
  withHeadteacher: 'brand',
  returnedToRequester: 'warning',
  approved: 'success',
  unblocked: 'success',
  refused: 'danger',
  withdrawn: 'informative',
};

export function App({ host }: { host: Host }) {
  const styles = useStyles();
  const [personaId, setPersonaId] = useState<string | undefined>(() => sessionStorage.getItem('persona') ?? undefined);
  const [me, setMe] = useState<Me>();
  const [requests, setRequests] = useState<AccessRequestSummary[]>();
  const [error, setError] = useState<string>();
  const [chosen, setPage] = useState<View>(() => viewFromQuery(window.location.search));
  const page = viewFor(chosen, me);
  const credentials = useMemo(() => (host.token ? { token: host.token } : { personaId }), [host, personaId]);

  useEffect(() => {
    setRequests(undefined);
    setError(undefined);
    Promise.all([getJson<Me>('/api/me', credentials), getJson<{ items: AccessRequestSummary[] }>('/api/access-requests', credentials)])
      .then(([who, list]) => {
        setMe(who);
        setRequests(list.items);
      })
      .catch((failure: Error) => setError(failure.message));
  }, [credentials]);

  const choosePersona = (id: string) => {
    sessionStorage.setItem('persona', id);
    setPersonaId(id);
  };

  return (
    <FluentProvider theme={THEMES[host.theme]}>
      <main className={styles.page}>
        <div className={styles.header}>
          <div className={styles.titleBlock}>
            <Title2 as="h1">Online Safety Desk</Title2>
            {me && <Body1 as="p">Signed in as {me.displayName} ({me.roles.join(', ')})</Body1>}
          </div>
          {me?.localMode && (
            <Field label="Demo persona (local mode only)">
              <Dropdown
                aria-label="Demo persona"
                value={me.displayName}
                selectedOptions={[me.id]}
                onOptionSelect={(_, data) => data.optionValue && choosePersona(data.optionValue)}
              >
                {me.personas.map((persona) => (
                  <Option key={persona.id} value={persona.id} text={persona.displayName}>
                    {persona.displayName} — {persona.roles.join(', ')}
                  </Option>
                ))}
              </Dropdown>
            </Field>
          )}
        </div>
        <TabList selectedValue={page} onTabSelect={(_, data) => setPage(data.value as View)}>
          <Tab value="requests">Blocked website requests</Tab>
          {me?.can.seeConsent && <Tab value="consent">Photo consent</Tab>}
          {me?.can.seeAccounts && <Tab value="accounts">School accounts</Tab>}
          {me && <Tab value="training">Training</Tab>}
        </TabList>
        {page === 'training' && me && <TrainingPage credentials={credentials} />}
        {page === 'consent' && me?.can.seeConsent && <ConsentPage credentials={credentials} canRecord={me.can.recordConsent} canImport={me.can.importPupils} canExport={me.can.exportConsent} />}
        {page === 'accounts' && me?.can.seeAccounts && <AccountsPage credentials={credentials} canManage={me.can.manageAccounts} {...(host.askConsent ? { askConsent: host.askConsent } : {})} />}
        {page === 'requests' && error && (
          <MessageBar intent="error">
            <MessageBarBody>{error}</MessageBarBody>
          </MessageBar>
        )}
        {page === 'requests' && !error && !requests && <Spinner label="Loading requests…" />}
        {page === 'requests' && requests && requests.length === 0 && <Body1 className={styles.empty}>No requests yet. Ask the Online Safety Desk bot to "request access" to start one.</Body1>}
        {page === 'requests' && requests && requests.length > 0 && (
          <Table aria-label="Blocked website requests">
            <TableHeader>
              <TableRow>
                <TableHeaderCell className={styles.idColumn}>#</TableHeaderCell>
                <TableHeaderCell>Website</TableHeaderCell>
                <TableHeaderCell>Requested by</TableHeaderCell>
                <TableHeaderCell className={styles.dateColumn}>Date</TableHeaderCell>
                <TableHeaderCell className={styles.statusColumn}>Status</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {requests.map((request) => (
                <TableRow key={request.id} data-testid="access-request-row">
                  <TableCell>{request.id}</TableCell>
                  <TableCell className={styles.url}>{request.url}</TableCell>
                  <TableCell>{request.requesterName}</TableCell>
                  <TableCell>{new Date(request.submittedAt).toLocaleDateString('en-GB', { day: 'numeric', month: 'short', year: 'numeric' })}</TableCell>
                  <TableCell>
                    <Badge appearance="tint" color={STATE_COLOURS[request.state] ?? 'informative'}>
                      {request.stateLabel}
                    </Badge>
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
      </main>
    </FluentProvider>
  );
}
