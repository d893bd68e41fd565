import type { Theme } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import type { Host } from '../teams';

/** The dark and high-contrast themes are loaded only when Teams uses them. */
const OTHER_THEMES: Record<Exclude<Host['theme'], 'default'>, () => Promise<Theme>> = {
  dark: () => import('./dark-themes').then((module) => module.teamsDarkTheme),
  contrast: () => import('./dark-themes').then((module) => module.teamsHighContrastTheme),
};

/**
 * The Teams theme, following the user's changes while the tab is open: undefined for the light
 * theme, which is a style sheet loaded with the page (main.tsx), or the dark or high-contrast one.
 */
export function useTeamsTheme(host: Host): Theme | undefined {
  const [name, setName] = useState<Host['theme']>(host.theme);
  const [theme, setTheme] = useState<Theme>();
  useEffect(() => {
    if (!host.inTeams) return;
    void import('@microsoft/teams-js').then(({ app }) =>
      app.registerOnThemeChangeHandler((changed) => setName(changed === 'dark' || changed === 'contrast' ? changed : 'default')),
    );
  }, [host]);
  useEffect(() => {
    let current = true;
    if (name === 'default') setTheme(undefined);
    else void OTHER_THEMES[name]().then((loaded) => current && setTheme(loaded));
    return () => {
      current = false;
    };
  }, [name]);
  return theme;
}
