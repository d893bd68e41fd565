import { createRoot } from 'react-dom/client';
import { App } from './App';
import type { Host } from './teams';

/** The tab on the screen: the shell, then the page it opened on. */
export function showTab(host: Host): void {
  createRoot(document.getElementById('root')!).render(<App host={host} />);
}
