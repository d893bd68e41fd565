import { holds, type Person } from '../../domain/people/person';
import { currentClasses } from '../../domain/school/pupil';
import type { Reference, Validated } from '../../domain/workflow/workflow';
import type { AppDeps } from '../app-deps';
import { readAll } from '../read-all';

/**
 * What a form names, looked up: a class on roll now, an active school account, a person in the
 * directory (a member of staff where it must be). Each found adds its name as `<field>Name`, so
 * cards and notices never look it up again; one not found is that field's error.
 */
export async function withReferences(
  deps: Pick<AppDeps, 'stores' | 'directory'>,
  refersTo: Readonly<Record<string, Reference>> | undefined,
  form: Record<string, string>,
): Promise<Validated<Record<string, string>>> {
  if (!refersTo) return { ok: true, value: form };
  const value = { ...form };
  const errors: Record<string, string> = {};
  for (const [field, reference] of Object.entries(refersTo)) {
    const id = form[field];
    if (!id) continue;
    const found = await nameOf(deps, reference, id);
    if (found.ok) value[`${field}Name`] = found.name;
    else errors[field] = found.problem;
  }
  return Object.keys(errors).length ? { ok: false, errors } : { ok: true, value };
}

/** A person named by typing (a directory too large for the form's list): one exact match of their name, or nobody. */
async function byName(deps: Pick<AppDeps, 'directory'>, typed: string): Promise<Person | undefined> {
  const wanted = typed.trim().toLowerCase();
  const found = (await deps.directory.everyone()).filter((person) => person.displayName.trim().toLowerCase() === wanted);
  return found.length === 1 ? found[0] : undefined;
}

async function nameOf(
  deps: Pick<AppDeps, 'stores' | 'directory'>,
  reference: Reference,
  id: string,
): Promise<{ ok: true; name: string } | { ok: false; problem: string }> {
  switch (reference) {
    case 'class': {
      const pupils = await readAll((cursor) => deps.stores.pupils.find({ limit: 500, ...(cursor ? { cursor } : {}) }));
      return currentClasses(pupils).includes(id)
        ? { ok: true, name: `Class ${id}` }
        : { ok: false, problem: 'Choose a class on roll now.' };
    }
    case 'schoolAccount': {
      const account = /^\d{1,12}$/.test(id) ? await deps.stores.socialAccounts.get(id) : undefined;
      return account?.active
        ? { ok: true, name: `${account.platform} ${account.handle}` }
        : { ok: false, problem: 'Choose one of the school’s accounts in use.' };
    }
    case 'person':
    case 'staff': {
      const person = /^\d{1,12}$/.test(id) ? await deps.directory.byId(id) : await byName(deps, id);
      if (!person) return { ok: false, problem: 'Choose someone from the school’s directory (their full name as Teams shows it).' };
      return reference === 'staff' && !holds(person, 'staff')
        ? { ok: false, problem: `${person.displayName} is not a member of staff.` }
        : { ok: true, name: person.displayName };
    }
  }
}
