import { app, authentication } from '@microsoft/teams-js';

/**
 * The consent pop-up's first page (opened by `authentication.authenticate`): sends the person to
 * Microsoft Entra ID to agree to the app acting for them. Consent prompts cannot show inside the
 * Teams iframe, hence the pop-up. Only the client id and scopes travel in the URL, never a token.
 */
async function start(): Promise<void> {
  await app.initialize();
  const context = await app.getContext();
  const params = new URLSearchParams(window.location.search);
  const clientId = params.get('clientId') ?? '';
  const scopes = (params.get('scope') ?? '').split(' ').filter((scope) => /^https:\/\/graph\.microsoft\.com\/[\w.]+$/.test(scope));
  if (!/^[0-9a-f-]{36}$/i.test(clientId) || scopes.length === 0) {
    authentication.notifyFailure('The permission request was not valid.');
    return;
  }
  const state = crypto.randomUUID();
  sessionStorage.setItem('consent-state', state);
  const query = new URLSearchParams({
    client_id: clientId,
    response_type: 'code',
    response_mode: 'query',
    redirect_uri: `${window.location.origin}/tab/auth-end.html`,
    scope: scopes.join(' '),
    prompt: 'consent',
    state,
    ...(context.user?.loginHint ? { login_hint: context.user.loginHint } : {}),
  });
  window.location.assign(`https://login.microsoftonline.com/${context.user?.tenant?.id ?? 'organizations'}/oauth2/v2.0/authorize?${query}`);
}

void start();
