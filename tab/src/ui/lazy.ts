import { lazy, type ComponentType } from 'react';

/**
 * A component from its own bundle, loaded the first time it is shown (wrap it in a Suspense): a
 * page's forms and panels that open on a click are not loaded with the page.
 */
export function lazyComponent<Module extends Record<Name, ComponentType<any>>, Name extends keyof Module>(
  load: () => Promise<Module>,
  name: Name,
) {
  return lazy(() => load().then((module) => ({ default: module[name] })));
}
