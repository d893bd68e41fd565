/** Code loaded on demand, once, which can say whether it has come (lazy.ts shows a component already loaded at once). */
export type Bundle<Module> = (() => Promise<Module>) & { loaded(): Module | undefined };

/** A bundle asked for twice is loaded once; one that failed to load is asked for again the next time. */
export function bundle<Module>(load: () => Promise<Module>): Bundle<Module> {
  let loading: Promise<Module> | undefined;
  let module: Module | undefined;
  const get = () =>
    (loading ??= load().then(
      (loaded) => (module = loaded),
      (failure: unknown) => {
        loading = undefined;
        throw failure;
      },
    ));
  return Object.assign(get, { loaded: () => module });
}
