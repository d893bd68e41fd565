import { app } from '@microsoft/teams-js';

export interface Host {
  inTeams: boolean;
  theme: 'default' | 'dark' | 'contrast';
}

/** Initialises teams-js when the page is inside Teams (an iframe); a plain browser tab skips it. */
export async function startTeams(): Promise<Host> {
  if (window.parent === window) return { inTeams: false, theme: 'default' };
  try {
    await withTimeout(app.initialize(), 5000);
    const context = await app.getContext();
    app.notifySuccess();
    const theme = context.app.theme === 'dark' || context.app.theme === 'contrast' ? context.app.theme : 'default';
    return { inTeams: true, theme };
  } catch {
    return { inTeams: false, theme: 'default' };
  }
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  return Promise.race([promise, new Promise<T>((_, reject) => setTimeout(() => reject(new Error('timeout')), ms))]);
}
