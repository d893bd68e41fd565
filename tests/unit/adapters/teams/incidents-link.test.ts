/** Where "a new concern needs your attention" points: the Incidents tab in Teams, or the local tab. */
import { incidentsTabLink } from '../../../../bot/src/adapters/teams/incidents-link';
import { loadConfig } from '../../../../bot/src/config';

describe('the link in a new-concern notice', () => {
  it('is a Teams deep link to the static Incidents tab when TEAMS_APP_ID is set', () => {
    const config = loadConfig({ TEAMS_APP_ID: ' 3f2c1b7e-0000-4a2b-9c3d-111122223333 ' }, '/tmp');
    expect(incidentsTabLink(config.teamsAppId, 'http://127.0.0.1:3978')).toBe('https://teams.microsoft.com/l/entity/3f2c1b7e-0000-4a2b-9c3d-111122223333/incidents');
  });

  it('is the local tab page otherwise', () => {
    const config = loadConfig({}, '/tmp');
    expect(config.teamsAppId).toBeUndefined();
    expect(incidentsTabLink(config.teamsAppId, 'http://127.0.0.1:3978')).toBe('http://127.0.0.1:3978/tab/?view=incidents');
  });
});
