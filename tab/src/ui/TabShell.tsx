import { Body1, FluentProvider, Title2, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { lazy, Suspense, type ReactNode } from 'react';
import type { Me } from '../api';
import type { Host } from '../teams';
import { Announcer } from './Announcer';
import { useTeamsTheme } from './theme';

// Only local mode offers personas: its menu's code is not loaded inside Teams.
const PersonaPicker = lazy(() => import('./PersonaPicker').then((module) => ({ default: module.PersonaPicker })));

const useStyles = makeStyles({
  page: {
    padding: '24px',
    display: 'flex',
    flexDirection: 'column',
    gap: '16px',
    minHeight: '100vh',
    boxSizing: 'border-box',
    color: tokens.colorNeutralForeground1,
    // A phone's 320 px is too narrow to give 48 of them to margins.
    '@media (max-width: 640px)': { padding: '12px' },
  },
  tinted: { backgroundColor: tokens.colorNeutralBackground2 },
  header: { display: 'flex', justifyContent: 'space-between', alignItems: 'flex-end', flexWrap: 'wrap', gap: '12px' },
  titleBlock: { display: 'flex', flexDirection: 'column', gap: '4px' },
});

// Printing (an incident's report, a pupil's chronology) shows the record alone: everything else is
// marked "no-print"; what only the paper needs (a typed note as text) is "print-only".
// Fluent's fields are as wide as their longest option (a select) or 250 px (a dropdown): on a phone
// they must shrink to the screen instead of pushing the page sideways.
// (Plain CSS rather than Griffel's makeStaticStyles, whose CSS parser would be loaded for these lines.)
const PAGE_CSS =
  '.print-only { display: none; } @media print { .no-print { display: none !important; } .print-only { display: block; } body { background: white; } }' +
  ' main .fui-Field, main .fui-Select, main .fui-Dropdown, main .fui-Input, main .fui-Textarea { min-width: 0; max-width: 100%; }';

/** The frame of every tab page: the Teams theme, the announcer, the heading, who is signed in and (locally) the persona menu. */
export function TabShell({
  host,
  title,
  me,
  onPickPersona,
  tinted = false,
  children,
}: {
  host: Host;
  title: string;
  me?: Me;
  onPickPersona(id: string): void;
  tinted?: boolean;
  children: ReactNode;
}) {
  const styles = useStyles();
  const theme = useTeamsTheme(host);
  return (
    <FluentProvider theme={theme}>
      <Announcer>
        <style>{PAGE_CSS}</style>
        <main className={mergeClasses(styles.page, tinted && styles.tinted)}>
          <div className={`${styles.header} no-print`}>
            <div className={styles.titleBlock}>
              <Title2 as="h1">{title}</Title2>
              {me && (
                <Body1 as="p">
                  Signed in as {me.displayName} ({me.roles.join(', ')})
                </Body1>
              )}
            </div>
            {me?.localMode && (
              <Suspense fallback={null}>
                <PersonaPicker current={me} personas={me.personas} onPick={onPickPersona} />
              </Suspense>
            )}
          </div>
          {children}
        </main>
      </Announcer>
    </FluentProvider>
  );
}
