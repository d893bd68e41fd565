import { app, authentication } from '@microsoft/teams-js';

/**
 * Where Entra ID sends the person back after the consent prompt. The authorisation code is not
 * used (the server gets its tokens with the on-behalf-of flow) and is removed from the address bar.
 */
async function end(): Promise<void> {
  await app.initialize();
  const params = new URLSearchParams(window.location.search);
  window.history.replaceState(null, '', window.location.pathname);
  const expected = sessionStorage.getItem('consent-state');
  sessionStorage.removeItem('consent-state');
  if (params.get('error'))
    authentication.notifyFailure(
      params.get('error') === 'access_denied' ? 'Permission was not given.' : 'Microsoft could not record the permission.',
    );
  else if (!expected || params.get('state') !== expected)
    authentication.notifyFailure('The permission request could not be matched. Please try again.');
  else authentication.notifySuccess('consented');
}

void end();
