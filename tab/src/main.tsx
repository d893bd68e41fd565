import 'virtual:teams-light-theme.css';
import { preloadPage } from './pages';
import { startTeams } from './teams';
import { openedFrom } from './views';

// This first script is small, so that three things start together instead of one after another:
// the page the link names (inside Teams, the static tab's `?view=`), the shell (React, Fluent UI,
// the navigation) and, inside Teams only, teams-js.
preloadPage(openedFrom(window.location.search).view);
const host = startTeams();
void import('./shell').then(async ({ showTab }) => showTab(await host));
