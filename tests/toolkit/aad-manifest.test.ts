/**
 * aad.manifest.json, the Entra app aadApp/update writes: Teams single sign-on needs the
 * access_as_user scope on the same Application ID URI the app manifest names, pre-authorised for
 * the Teams clients so staff are never asked to consent; the server's Graph access needs its roles.
 */
import { MICROSOFT_365_CLIENTS } from '../../bot/src/adapters/http/entra-sso-identity';
import { text } from './toolkit-files';

interface EntraApp {
  identifierUris: string[];
  signInAudience: string;
  api: {
    requestedAccessTokenVersion: number;
    oauth2PermissionScopes: { id: string; value: string; type: string }[];
    preAuthorizedApplications: { appId: string; delegatedPermissionIds: string[] }[];
  };
  requiredResourceAccess: { resourceAppId: string; resourceAccess: { id: string; type: string }[] }[];
}

const entraApp = JSON.parse(text('aad.manifest.json')) as EntraApp;
const teamsManifest = JSON.parse(text('appPackage/manifest.json')) as { webApplicationInfo: { id: string; resource: string } };

const TEAMS_DESKTOP_AND_MOBILE = '1fec8e78-bce4-4aaf-ab1b-5451cc387264';
const TEAMS_WEB = '5e3ce6c0-2b1f-4285-8d4b-75ee78787346';

describe('the Entra app for single sign-on', () => {
  it("is for the school's own tenant, issuing v2 tokens", () => {
    expect(entraApp.signInAudience).toBe('AzureADMyOrg');
    expect(entraApp.api.requestedAccessTokenVersion).toBe(2);
  });

  it('exposes access_as_user on the Application ID URI the Teams manifest asks tokens for', () => {
    expect(entraApp.identifierUris).toEqual([teamsManifest.webApplicationInfo.resource]);
    expect(entraApp.api.oauth2PermissionScopes).toEqual([
      expect.objectContaining({ value: 'access_as_user', type: 'User', id: '${{AAD_APP_ACCESS_AS_USER_PERMISSION_ID}}' }),
    ]);
  });

  it('pre-authorises the Teams desktop, mobile and web clients for that scope', () => {
    const scope = entraApp.api.oauth2PermissionScopes[0]!.id;
    for (const client of [TEAMS_DESKTOP_AND_MOBILE, TEAMS_WEB]) {
      expect(entraApp.api.preAuthorizedApplications).toContainEqual({ appId: client, delegatedPermissionIds: [scope] });
    }
  });

  it('pre-authorises exactly the clients whose tokens the API accepts, so a token from any other client is refused', () => {
    expect(entraApp.api.preAuthorizedApplications.map((client) => client.appId).sort()).toEqual(Object.keys(MICROSOFT_365_CLIENTS).sort());
  });

  it("sends the consent pop-up back to the tab's own page", () => {
    expect((entraApp as unknown as { web: { redirectUris: string[] } }).web.redirectUris).toEqual(['${{TAB_ENDPOINT}}/tab/auth-end.html']);
  });

  it('asks for the least Graph access the server uses: one granted site, group membership, users, the app catalogue, installing itself for people, and basic profiles as the person (on-behalf-of)', () => {
    expect(entraApp.requiredResourceAccess).toEqual([
      {
        resourceAppId: 'Microsoft Graph',
        resourceAccess: [
          { id: 'User.Read', type: 'Scope' },
          { id: 'User.ReadBasic.All', type: 'Scope' },
          { id: 'Sites.Selected', type: 'Role' },
          { id: 'GroupMember.Read.All', type: 'Role' },
          { id: 'User.Read.All', type: 'Role' },
          { id: 'AppCatalog.Read.All', type: 'Role' },
          // "Self": only the Teams app whose manifest names this Entra app (webApplicationInfo).
          { id: 'TeamsAppInstallation.ReadWriteSelfForUser.All', type: 'Role' },
        ],
      },
    ]);
    expect(teamsManifest.webApplicationInfo.id).toBe('${{AAD_APP_CLIENT_ID}}');
  });
});
