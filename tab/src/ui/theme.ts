import { teamsDarkTheme, teamsHighContrastTheme, teamsLightTheme, type Theme } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import type { Host } from '../teams';

const THEMES: Record<Host['theme'], Theme> = { default: teamsLightTheme, dark: teamsDarkTheme, contrast: teamsHighContrastTheme };

/** The Teams theme, following the user's changes while the tab is open (light, dark, high contrast). */
export function useTeamsTheme(host: Host): Theme {
  const [theme, setTheme] = useState<Host['theme']>(host.theme);
  useEffect(() => {
    if (!host.inTeams) return;
    void import('@microsoft/teams-js').then(({ app }) =>
      app.registerOnThemeChangeHandler((name) => setTheme(name === 'dark' || name === 'contrast' ? name : 'default')),
    );
  }, [host]);
  return THEMES[theme];
}
