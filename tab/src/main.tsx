import { createRoot } from 'react-dom/client';
import { App } from './App';
import { startTeams } from './teams';

startTeams().then((host) => {
  createRoot(document.getElementById('root')!).render(<App host={host} />);
});
