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

/** Calls the app's API as the chosen persona (local mode); Teams SSO takes over in Teams. */
export async function getJson<T>(path: string, personaId: string | undefined): Promise<T> {
  const response = await fetch(path, { headers: personaId ? { 'x-demo-person': personaId } : {} });
  if (!response.ok) {
    const body = (await response.json().catch(() => ({}))) as { error?: string };
    throw new Error(body.error ?? `The server answered ${response.status}.`);
  }
  return (await response.json()) as T;
}
