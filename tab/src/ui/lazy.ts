import { createElement, lazy, useState, type ComponentProps, type ComponentType } from 'react';
import type { Bundle } from './bundle';

/**
 * A component from its own bundle, loaded the first time it is shown (wrap it in a Suspense): a
 * page's forms and panels that open on a click are not loaded with the page. When its bundle has
 * already come (`bundle`, e.g. the first page, asked for as the tab opened) it shows in the same
 * render, instead of the Suspense's spinner for one frame and a second render.
 */
export function lazyComponent<Module extends Record<Name, ComponentType<any>>, Name extends keyof Module>(
  load: (() => Promise<Module>) | Bundle<Module>,
  name: Name,
) {
  const Lazy = lazy(() => load().then((module) => ({ default: module[name] })));
  const loaded = () => ('loaded' in load ? load.loaded()?.[name] : undefined);
  return function Loaded(props: ComponentProps<Module[Name]>) {
    // Chosen once while shown: switching would mount it afresh and lose what the person typed.
    const [Shown] = useState<ComponentType<any>>(() => loaded() ?? Lazy);
    return createElement(Shown, props);
  };
}
