import {
  makeStyles,
  mergeClasses,
  renderTab_unstable,
  renderTabList_unstable,
  slot,
  useTabListContext_unstable,
  useTabListContextValues_unstable,
  useTabListStyles_unstable,
  useTabStyles_unstable,
  type TabListProps,
  type TabListState,
  type TabProps,
  type TabState,
} from '@fluentui/react-components';
import { useTabBase_unstable, useTabListBase_unstable } from '@fluentui/react-tabs';
import type { KeyboardEvent } from 'react';

/*
 * Fluent's TabList and Tab, built from Fluent's own base hooks, styles and renderers, without
 * Tabster (Fluent's focus manager, about 14 KB gzipped, which Fluent's TabList loads only for its
 * arrow keys). The tab's navigation is on every page, so every first page would load it: the arrow
 * keys are done here instead, as the WAI-ARIA tabs pattern asks
 * (https://www.w3.org/WAI/ARIA/apg/patterns/tabs/): Left and Right (Up and Down for a vertical
 * list) move to the previous and next tab and wrap around, Home and End to the first and last;
 * the selected tab is the list's one Tab stop; Enter or Space opens a tab, as with Fluent's TabList.
 * The base hooks are Fluent's documented way to leave out its focus behaviour
 * (useTabListBase_unstable, useTabBase_unstable in @fluentui/react-tabs).
 */

// The pages' names wrap onto a second line on a phone rather than running off the side.
const useStyles = makeStyles({ wrap: { flexWrap: 'wrap' } });

/** The keys that move the focus to another tab: the step (±1), or the first / last tab. */
function target(key: string, vertical: boolean, at: number, count: number): number | undefined {
  const [previous, next] = vertical ? ['ArrowUp', 'ArrowDown'] : ['ArrowLeft', 'ArrowRight'];
  if (key === previous) return (at - 1 + count) % count;
  if (key === next) return (at + 1) % count;
  if (key === 'Home') return 0;
  if (key === 'End') return count - 1;
  return undefined;
}

/** A row (or column) of tabs: the tab's page navigation, and the Incidents page's own; wraps onto a second line on a phone. */
export function PageTabs({
  className,
  onKeyDown,
  appearance = 'transparent',
  reserveSelectedTabSpace = true,
  size = 'medium',
  ...props
}: TabListProps) {
  const styles = useStyles();
  const base = useTabListBase_unstable(props, null);
  const moveFocus = (event: KeyboardEvent<HTMLDivElement>) => {
    onKeyDown?.(event);
    const tabs = [...event.currentTarget.querySelectorAll<HTMLElement>('[role="tab"]:not([disabled])')];
    const at = tabs.findIndex((tab) => tab === document.activeElement);
    const to = at < 0 ? undefined : target(event.key, base.vertical, at, tabs.length);
    if (to === undefined) return;
    event.preventDefault();
    tabs[to]!.focus();
  };
  const state: TabListState = {
    ...base,
    root: { ...base.root, onKeyDown: moveFocus },
    appearance,
    reserveSelectedTabSpace,
    size,
  };
  const contextValues = useTabListContextValues_unstable(state);
  useTabListStyles_unstable(state);
  state.root.className = mergeClasses(state.root.className, styles.wrap, 'no-print', className);
  return renderTabList_unstable(state, contextValues);
}

/** One tab of a PageTabs: Fluent's Tab, reached by the list's arrow keys. */
export function PageTab(props: TabProps) {
  const base = useTabBase_unstable(props, null);
  const appearance = useTabListContext_unstable((list) => list.appearance);
  const reserveSelectedTabSpace = useTabListContext_unstable((list) => list.reserveSelectedTabSpace);
  const size = useTabListContext_unstable((list) => list.size ?? 'medium');
  const state: TabState = {
    ...base,
    // The selected tab is the one Tab stop; the arrow keys reach the others.
    root: { tabIndex: base.selected ? 0 : -1, ...base.root },
    components: { ...base.components, contentReservedSpace: 'span' },
    // The selected tab's bold label takes no more room than the others: the row does not shift.
    contentReservedSpace: slot.optional(undefined as TabProps['content'], {
      renderByDefault: !base.selected && !base.iconOnly && reserveSelectedTabSpace,
      defaultProps: { children: props.children },
      elementType: 'span',
    }),
    appearance,
    size,
  };
  useTabStyles_unstable(state);
  return renderTab_unstable(state);
}
