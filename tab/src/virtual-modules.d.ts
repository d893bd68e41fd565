/** Teams' light theme as CSS variables, written by tab/vite.config.mts when the tab is built. */
declare module 'virtual:teams-light-theme.css';
