export interface Me {
  id: string;
  displayName: string;
  roles: string[];
  can: { seeConsent: boolean; recordConsent: boolean; importPupils: boolean; exportConsent: boolean; seeAccounts: boolean; manageAccounts: boolean; seeReadiness: boolean; seeSettings: boolean };
  localMode: boolean;
  personas: { id: string; displayName: string; roles: string[] }[];
}

export interface AccessRequestSummary {
  id: string;
  /** "A-12": how people refer to it. */
  reference: string;
  url: string;
  state: string;
  stateLabel: string;
  requesterName: string;
  submittedAt: string;
  updatedAt: string;
}

/** How the tab proves who it is: the Teams SSO token inside Teams, the chosen persona locally. */
export interface Credentials {
  token?: () => Promise<string>;
  personaId?: string;
}

export async function getJson<T>(path: string, credentials: Credentials): Promise<T> {
  return send<T>('GET', path, credentials);
}

export async function postJson<T>(path: string, credentials: Credentials, body: object): Promise<T> {
  return send<T>('POST', path, credentials, body);
}

/** The token goes in a header, never in a URL (where logs and browser history would keep it). */
export async function authHeaders(credentials: Credentials): Promise<Record<string, string>> {
  if (credentials.token) return { authorization: `Bearer ${await credentials.token()}` };
  return credentials.personaId ? { 'x-demo-person': credentials.personaId } : {};
}

/** Sends JSON and hands back the answer whatever its status, for forms that show field errors. */
export async function sendJson<T>(method: 'POST' | 'PUT', path: string, credentials: Credentials, body: object): Promise<{ ok: boolean; status: number; body: T }> {
  const response = await request(method, path, credentials, body);
  return { ok: response.ok, status: response.status, body: (await response.json().catch(() => ({}))) as T };
}

async function request(method: 'GET' | 'POST' | 'PUT', path: string, credentials: Credentials, body?: object): Promise<Response> {
  const headers = await authHeaders(credentials);
  return fetch(path, { method, headers: { ...headers, ...(body ? { 'content-type': 'application/json' } : {}) }, ...(body ? { body: JSON.stringify(body) } : {}) });
}

async function send<T>(method: 'GET' | 'POST', path: string, credentials: Credentials, body?: object): Promise<T> {
  const response = await request(method, path, credentials, body);
  if (!response.ok) {
    const body = (await response.json().catch(() => ({}))) as { error?: string };
    throw new Error(body.error ?? `The server answered ${response.status}.`);
  }
  return (await response.json()) as T;
}

export type ConsentState = 'given' | 'refused' | 'withdrawn' | 'none';

export interface ClassConsent {
  status: 'ok' | 'unknown-class';
  className?: string;
  classes?: string[];
  pupils?: { pupilId: string; displayName: string; consent: { images: ConsentState; videos: ConsentState } }[];
}

export interface ConsentEvent {
  id: string;
  media: 'images' | 'videos';
  decision: 'given' | 'refused';
  effectiveFrom: string;
  source: string;
  recordedBy: string;
}
