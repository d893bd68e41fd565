import { lazy, Suspense } from 'react';
import { createRoot } from 'react-dom/client';
import { startTeams } from './teams';

// The Incidents tab and the other pages are separate bundles: each loads only what it shows.
const App = lazy(() => import('./App').then((module) => ({ default: module.App })));
const IncidentsPage = lazy(() => import('./incidents/IncidentsPage').then((module) => ({ default: module.IncidentsPage })));

startTeams().then((host) => {
  const view = new URLSearchParams(window.location.search).get('view');
  createRoot(document.getElementById('root')!).render(<Suspense fallback={null}>{view === 'incidents' ? <IncidentsPage host={host} /> : <App host={host} />}</Suspense>);
});
