import { Spinner } from '@fluentui/react-components';
import { Suspense, useState } from 'react';
import type { Credentials } from '../api';
import { IncidentsDenied } from '../ui/IncidentsDenied';
import { lazyComponent } from '../ui/lazy';
import { PageTab, PageTabs } from '../ui/PageTabs';
import { IncidentList } from './IncidentList';

// The log is what the page opens on; one incident, a pupil's chronology, the leavers and the summary
// are each loaded when first opened.
const IncidentDetailView = lazyComponent(() => import('./IncidentDetail'), 'IncidentDetailView');
const IncidentSummary = lazyComponent(() => import('./IncidentSummary'), 'IncidentSummary');
const PupilChronologyView = lazyComponent(() => import('./PupilChronology'), 'PupilChronologyView');
const PupilSearch = lazyComponent(() => import('./PupilChronology'), 'PupilSearch');
const PupilTransfers = lazyComponent(() => import('./PupilTransfers'), 'PupilTransfers');

type View = 'log' | 'pupils' | 'leavers' | 'summary';
/** A pupil's chronology, and where it was opened from: an incident (by id) or the pupil search. */
type OpenPupil = { pupilId: string; fromIncident?: string };

/**
 * The Incidents page (`/tab/?view=incidents`, or `&id=` one incident): the DSL's log, one incident's record, a pupil's chronology, the
 * leavers' files to transfer, and the summary.
 */
export function IncidentsPage({
  credentials,
  seesPupils,
  transfersFiles = false,
  incidentId,
}: {
  credentials: Credentials;
  seesPupils: boolean;
  transfersFiles?: boolean;
  incidentId?: string;
}) {
  const [denied, setDenied] = useState<string>();
  const [view, setView] = useState<View>('log');
  const [openId, setOpenId] = useState<string | undefined>(incidentId);
  const [pupil, setPupil] = useState<OpenPupil>();
  // The incident last opened: back in the log, the focus returns to its row.
  const [cameFrom, setCameFrom] = useState<string | undefined>(incidentId);

  const open = (id: string) => {
    setPupil(undefined);
    setCameFrom(id);
    setOpenId(id);
  };
  const openPupil = (pupilId: string, fromIncident?: string) => {
    setOpenId(undefined);
    setPupil({ pupilId, ...(fromIncident ? { fromIncident } : {}) });
  };
  const backFromPupil = () => {
    const from = pupil?.fromIncident;
    setPupil(undefined);
    if (from) setOpenId(from);
  };
  if (denied) return <IncidentsDenied reason={denied} />;
  return (
    <>
      <PageTabs
        aria-label="Incident log"
        size="small"
        selectedValue={openId ? 'log' : pupil ? 'pupils' : view}
        onTabSelect={(_, data) => {
          setOpenId(undefined);
          setPupil(undefined);
          setCameFrom(undefined);
          setView(data.value as View);
        }}
      >
        <PageTab value="log">Incident log</PageTab>
        {seesPupils && <PageTab value="pupils">Pupils</PageTab>}
        {transfersFiles && <PageTab value="leavers">Pupils who have left</PageTab>}
        <PageTab value="summary">Summary</PageTab>
      </PageTabs>
      <Suspense fallback={<Spinner label="Loading…" />}>
        {pupil ? (
          <PupilChronologyView
            credentials={credentials}
            pupilId={pupil.pupilId}
            backLabel={pupil.fromIncident ? 'Back to the incident' : 'Back to the pupils'}
            onBack={backFromPupil}
            onOpenIncident={open}
          />
        ) : openId ? (
          <IncidentDetailView
            credentials={credentials}
            id={openId}
            onBack={() => setOpenId(undefined)}
            {...(seesPupils ? { onOpenPupil: (pupilId: string) => openPupil(pupilId, openId) } : {})}
          />
        ) : view === 'pupils' && seesPupils ? (
          <PupilSearch credentials={credentials} onOpen={(pupilId) => openPupil(pupilId)} />
        ) : view === 'leavers' && transfersFiles ? (
          <PupilTransfers credentials={credentials} />
        ) : view === 'log' ? (
          <IncidentList credentials={credentials} onOpen={open} onDenied={setDenied} focusRowOf={cameFrom} />
        ) : (
          <IncidentSummary credentials={credentials} />
        )}
      </Suspense>
    </>
  );
}
