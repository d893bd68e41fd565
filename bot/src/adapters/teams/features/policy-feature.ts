import { acknowledgeVersion, readLibrary, type LibraryEntry } from '../../../app/policies/policy-library';
import { CardActionFailure, dataString, type CardActionHandler } from '../actions/card-action';
import { policyCard, policyListCard, VERB_READ_POLICY } from '../cards/policy-card';
import { messageCard } from '../cards/simple-cards';
import type { TeamsDeps } from '../teams-deps';
import type { Person } from '../../../domain/people/person';
import type { Feature } from './feature';

const NOT_PERMITTED = 'The policy library is for the people the school has added.';

/** The policy library in the chat (s.2, s.12): a policy's version in force, and "I have read and understood it". */
export const POLICY_FEATURE: Feature = {
  name: 'policies',
  commands: [
    {
      pattern: /^polic(y|ies)\b/,
      help: {
        command: 'policy social media',
        what: "open a school policy's current version, and say you have read and understood it (section 2)",
        needs: 'policy.library',
      },
      async run(deps, person, typed) {
        const wanted =
          /^polic(?:y|ies)\s*(.*)$/
            .exec(typed)?.[1]
            ?.replace(/\bpolicy\b/g, '')
            .trim() ?? '';
        const library = await readLibrary(deps, person);
        if (library.status !== 'ok') return messageCard(NOT_PERMITTED);
        const entry = wanted ? library.entries.find((candidate) => candidate.policy.title.toLowerCase().includes(wanted)) : undefined;
        return entry
          ? cardFor(deps, entry)
          : policyListCard(
              wanted,
              library.entries.map((candidate) => candidate.policy.title),
            );
      },
    },
  ],
  actions: { [VERB_READ_POLICY]: readPolicyAction },
};

function cardFor(deps: Pick<TeamsDeps, 'tabLink'>, entry: LibraryEntry, banner?: { text: string; tone: 'good' }) {
  const version = entry.versions[0]!;
  return policyCard(
    { title: entry.policy.title, version, mustRead: entry.mine.mustRead, ...(entry.mine.readAt ? { readAt: entry.mine.readAt } : {}) },
    deps.tabLink('policies'),
    banner,
  );
}

const READ_REFUSED = {
  'not-permitted': 'Only staff and governors sign that they have read a policy.',
  'not-found': 'That version is not in the policy library any more.',
  'not-now': 'This is not the version in force, or not one you are asked to read: type **policy** and its name to see the current one.',
} as const;

/** "I have read and understood it", signed with the person's name and the time; the card shows it. */
async function readPolicyAction({ deps, actor, data }: Parameters<CardActionHandler>[0]) {
  const versionId = dataString(data, 'versionId', 12) ?? '';
  const signed = await acknowledgeVersion(deps, actor, versionId);
  if (signed.status !== 'ok') throw new CardActionFailure(READ_REFUSED[signed.status]);
  return (await currentCard(deps, actor, versionId)) ?? messageCard('Thank you: you have read and understood it.');
}

async function currentCard(deps: TeamsDeps, actor: Person, versionId: string) {
  const library = await readLibrary(deps, actor);
  const entry = library.status === 'ok' ? library.entries.find((candidate) => candidate.versions[0]?.id === versionId) : undefined;
  return entry && cardFor(deps, entry, { text: 'Thank you: you have read and understood it.', tone: 'good' });
}
