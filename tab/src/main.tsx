import { createRoot } from 'react-dom/client';
import { App } from './App';
import { IncidentsPage } from './incidents/IncidentsPage';
import { startTeams } from './teams';

startTeams().then((host) => {
  const view = new URLSearchParams(window.location.search).get('view');
  createRoot(document.getElementById('root')!).render(view === 'incidents' ? <IncidentsPage host={host} /> : <App host={host} />);
});
