export interface Host {
  inTeams: boolean;
  theme: 'default' | 'dark' | 'contrast';
  /** Inside Teams: a fresh SSO token for the app's API (kept in memory only, never stored). */
  token?: () => Promise<string>;
  /** Inside Teams: asks the person, in a pop-up, to let the app use Graph for them. */
  askConsent?: (clientId: string, scopes: readonly string[]) => Promise<void>;
  /** Inside Teams: the record a deep link opened the tab on (`context.page.subPageId`, e.g. `posting-12`). */
  subPageId?: string;
  /**
   * Inside Teams: signs the person in again, as the school's sign-in policy (multifactor
   * authentication, Conditional Access) asks, presenting its claims; answers the new SSO token.
   */
  signInAgain?: (claims: string) => Promise<string>;
}

/**
 * Initialises teams-js when the page is inside Teams (an iframe). A plain browser tab never loads
 * it: on import it fetches its list of valid Teams domains, which is only needed inside Teams.
 */
export async function startTeams(): Promise<Host> {
  if (window.parent === window) return { inTeams: false, theme: 'default' };
  try {
    const { app } = await import('@microsoft/teams-js');
    await withTimeout(app.initialize(), 5000);
    const context = await app.getContext();
    void app.notifySuccess(); // Teams hides its loading indicator; nothing to do if the host does not answer
    const theme = context.app.theme === 'dark' || context.app.theme === 'contrast' ? context.app.theme : 'default';
    const { authentication } = await import('@microsoft/teams-js');
    const askConsent = async (clientId: string, scopes: readonly string[]) => {
      const query = new URLSearchParams({ clientId, scope: scopes.join(' ') });
      await authentication.authenticate({ url: `${window.location.origin}/tab/auth-start.html?${query}`, width: 600, height: 535 });
    };
    // teams-js passes `claims` on to Entra ID with the token request; `silent: false` lets Teams show the sign-in.
    const signInAgain = (claims: string) => authentication.getAuthToken({ ...(claims ? { claims: [claims] } : {}), silent: false });
    const subPageId = context.page.subPageId;
    return {
      inTeams: true,
      theme,
      token: () => authentication.getAuthToken(),
      askConsent,
      signInAgain,
      ...(subPageId ? { subPageId } : {}),
    };
  } catch {
    return { inTeams: false, theme: 'default' };
  }
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  return Promise.race([promise, new Promise<T>((_, reject) => setTimeout(() => reject(new Error('timeout')), ms))]);
}
