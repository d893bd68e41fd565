import {
  Body1,
  FluentProvider,
  TabList,
  Title2,
  makeStaticStyles,
  makeStyles,
  mergeClasses,
  tokens,
  type TabListProps,
} from '@fluentui/react-components';
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
  // The pages' names wrap onto a second line on a phone rather than running off the side.
  nav: { flexWrap: 'wrap' },
});

// Fluent's fields are as wide as their longest option (a select) or 250 px (a dropdown): on a phone
// they must shrink to the screen instead of pushing the page sideways.
const useNarrowFields = makeStaticStyles({
  'main .fui-Field, main .fui-Select, main .fui-Dropdown, main .fui-Input, main .fui-Textarea': { minWidth: 0, maxWidth: '100%' },
});

// Printing (an incident's report, a pupil's chronology) shows the record alone: everything else is
// marked "no-print"; what only the paper needs (a typed note as text) is "print-only".
const PRINT_CSS =
  '.print-only { display: none; } @media print { .no-print { display: none !important; } .print-only { display: block; } body { background: white; } }';

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
  useNarrowFields();
  return (
    <FluentProvider theme={theme}>
      <Announcer>
        <style>{PRINT_CSS}</style>
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

/** The tab's page navigation: Fluent's TabList, wrapping on a narrow screen. */
export function PageTabs({ className, ...props }: TabListProps) {
  const styles = useStyles();
  return <TabList {...props} className={mergeClasses(styles.nav, 'no-print', className)} />;
}
