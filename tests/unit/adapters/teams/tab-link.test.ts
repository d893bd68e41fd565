/** Where a message's button points, for example "a new concern needs your attention": the tab in Teams, or the local tab. */
import { tabLink } from '../../../../bot/src/adapters/teams/tab-link';
import { loadConfig } from '../../../../bot/src/config';

describe('the link in a notice', () => {
  it('is a Teams deep link to the static tab when TEAMS_APP_ID is set', () => {
    const config = loadConfig({ TEAMS_APP_ID: ' 3f2c1b7e-0000-4a2b-9c3d-111122223333 ' }, '/tmp');
    expect(tabLink(config.teamsAppId, 'http://127.0.0.1:3978', 'incidents')).toBe(
      'https://teams.microsoft.com/l/entity/3f2c1b7e-0000-4a2b-9c3d-111122223333/incidents',
    );
  });

  it('is the local tab page otherwise', () => {
    const config = loadConfig({}, '/tmp');
    expect(config.teamsAppId).toBeUndefined();
    expect(tabLink(config.teamsAppId, 'http://127.0.0.1:3978', 'incidents')).toBe('http://127.0.0.1:3978/tab/?view=incidents');
  });
});
