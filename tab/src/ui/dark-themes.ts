// Loaded only when Teams is in its dark or high-contrast theme.
export { teamsDarkTheme, teamsHighContrastTheme } from '@fluentui/react-components';
