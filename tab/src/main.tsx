import { lazy, Suspense } from 'react';
import { createRoot } from 'react-dom/client';
import { startTeams } from './teams';

// The shell and each page are separate bundles: the first page loads only what it shows.
const App = lazy(() => import('./App').then((module) => ({ default: module.App })));

void startTeams().then((host) => {
  createRoot(document.getElementById('root')!).render(
    <Suspense fallback={null}>
      <App host={host} />
    </Suspense>,
  );
});
