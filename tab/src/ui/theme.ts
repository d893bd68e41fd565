import { teamsLightTheme, type Theme } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import type { Host } from '../teams';

/** The dark and high-contrast themes are loaded only when Teams uses them. */
const OTHER_THEMES: Record<Exclude<Host['theme'], 'default'>, () => Promise<Theme>> = {
  dark: () => import('./dark-themes').then((module) => module.teamsDarkTheme),
  contrast: () => import('./dark-themes').then((module) => module.teamsHighContrastTheme),
};

/** The Teams theme, following the user's changes while the tab is open (light, dark, high contrast). */
export function useTeamsTheme(host: Host): Theme {
  const [name, setName] = useState<Host['theme']>(host.theme);
  const [theme, setTheme] = useState<Theme>(teamsLightTheme);
  useEffect(() => {
    if (!host.inTeams) return;
    void import('@microsoft/teams-js').then(({ app }) =>
      app.registerOnThemeChangeHandler((changed) => setName(changed === 'dark' || changed === 'contrast' ? changed : 'default')),
    );
  }, [host]);
  useEffect(() => {
    let current = true;
    if (name === 'default') setTheme(teamsLightTheme);
    else void OTHER_THEMES[name]().then((loaded) => current && setTheme(loaded));
    return () => {
      current = false;
    };
  }, [name]);
  return theme;
}
