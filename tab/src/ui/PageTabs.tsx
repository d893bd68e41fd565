import { Button, makeStyles, mergeClasses, tokens, type ButtonProps } from '@fluentui/react-components';
import { createContext, useContext, type KeyboardEvent, type MouseEvent, type ReactNode } from 'react';

/*
 * A row of tabs: the tab's page navigation, and the Incidents page's own. Each tab is a Fluent
 * Button with the tab role, rather than Fluent's Tab: the navigation is on every page, so every
 * first page loads it, and Fluent's TabList brings about 8 KB gzipped of styles for every size and
 * appearance plus Tabster (its focus manager) for the arrow keys, where the Button is loaded by the
 * pages anyway. The keys are those of the WAI-ARIA tabs pattern
 * (https://www.w3.org/WAI/ARIA/apg/patterns/tabs/), as with Fluent's TabList: Left and Right move
 * to the previous and next tab and wrap around, Home and End to the first and last; the open tab
 * is the row's one Tab stop; Enter or Space opens a tab (moving the focus opens nothing).
 */

const useStyles = makeStyles({
  // The pages' names wrap onto a second line on a phone rather than running off the side.
  list: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', columnGap: '4px' },
  // As wide as the page's name (a button is at least 96 px wide), with room under it for the line.
  tab: {
    position: 'relative',
    minWidth: 0,
    paddingBlockEnd: '6px',
    fontWeight: tokens.fontWeightRegular,
    color: tokens.colorNeutralForeground2,
  },
  // The open tab: darker text and the brand-coloured line under it, as Fluent's tabs show it.
  selected: {
    color: tokens.colorNeutralForeground1,
    '::after': {
      content: '""',
      position: 'absolute',
      left: '10px',
      right: '10px',
      bottom: '0',
      height: '3px',
      borderRadius: tokens.borderRadiusCircular,
      backgroundColor: tokens.colorCompoundBrandStroke,
    },
    // Windows high contrast draws no background colours: the line takes the system's highlight.
    '@media (forced-colors: active)': { '::after': { backgroundColor: 'Highlight' } },
  },
});

type Select = (event: MouseEvent<HTMLButtonElement>, data: { value: string }) => void;
const TabsContext = createContext<{ selectedValue?: string; onSelect: Select; size: ButtonProps['size'] }>({
  onSelect: () => undefined,
  size: 'medium',
});

/** The key's new position in a row of `count` tabs, or undefined for a key that moves nothing. */
function target(key: string, at: number, count: number): number | undefined {
  if (key === 'ArrowLeft') return (at - 1 + count) % count;
  if (key === 'ArrowRight') return (at + 1) % count;
  if (key === 'Home') return 0;
  if (key === 'End') return count - 1;
  return undefined;
}

export function PageTabs({
  selectedValue,
  onTabSelect,
  size = 'medium',
  className,
  children,
  ...props
}: {
  'aria-label': string;
  selectedValue?: string;
  onTabSelect: Select;
  size?: ButtonProps['size'];
  className?: string;
  children: ReactNode;
}) {
  const styles = useStyles();
  const moveFocus = (event: KeyboardEvent<HTMLDivElement>) => {
    const tabs = [...event.currentTarget.querySelectorAll<HTMLElement>('[role="tab"]:not([disabled])')];
    const at = tabs.findIndex((tab) => tab === document.activeElement);
    const to = at < 0 ? undefined : target(event.key, at, tabs.length);
    if (to === undefined) return;
    event.preventDefault();
    tabs[to]!.focus();
  };
  return (
    <TabsContext.Provider value={{ ...(selectedValue ? { selectedValue } : {}), onSelect: onTabSelect, size }}>
      <div {...props} role="tablist" className={mergeClasses(styles.list, 'no-print', className)} onKeyDown={moveFocus}>
        {children}
      </div>
    </TabsContext.Provider>
  );
}

/** One tab of a PageTabs. */
export function PageTab({ value, children }: { value: string; children: ReactNode }) {
  const styles = useStyles();
  const { selectedValue, onSelect, size } = useContext(TabsContext);
  const selected = value === selectedValue;
  return (
    <Button
      appearance="subtle"
      size={size}
      role="tab"
      aria-selected={selected}
      tabIndex={selected ? 0 : -1}
      className={mergeClasses(styles.tab, selected && styles.selected)}
      onClick={(event) => onSelect(event, { value })}
    >
      {children}
    </Button>
  );
}
