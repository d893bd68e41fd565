export interface Me {
  id: string;
  displayName: string;
  roles: string[];
  localMode: boolean;
  personas: { id: string; displayName: string; roles: string[] }[];
}

export interface AccessRequestSummary {
  id: string;
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
  const headers: Record<string, string> = credentials.token
    ? { authorization: `Bearer ${await credentials.token()}` }
    : credentials.personaId
      ? { 'x-demo-person': credentials.personaId }
      : {};
  const response = await fetch(path, { headers });
  if (!response.ok) {
    const body = (await response.json().catch(() => ({}))) as { error?: string };
    throw new Error(body.error ?? `The server answered ${response.status}.`);
  }
  return (await response.json()) as T;
}
