// Names that news writes in several forms no spelling rule relates: a party by its nickname (`Tories` for the
// Conservative Party) and an award by its plural or its formal name (`Oscars`, `Academy Awards`). A mention's key
// becomes the group's, so every form is one entity in every article. Only forms that name nothing else are listed
// (`Labour` is left alone: `New Labour` is the articles' own name for a period of it).
import type { EntityType } from '../model';

const GROUPS: { type: EntityType; key: string; forms: string[] }[] = [
  { type: 'organization', key: 'conservative party', forms: ['conservative', 'conservatives', 'tory', 'tories', 'tory party', 'conservative and unionist party'] },
  { type: 'organization', key: 'liberal democrats', forms: ['liberal democrat', 'lib dems', 'lib dem', 'libdems'] },
  { type: 'misc', key: 'oscar', forms: ['oscars', 'academy award', 'academy awards'] },
  { type: 'misc', key: 'grammy', forms: ['grammys', 'grammy award', 'grammy awards'] },
  { type: 'misc', key: 'bafta', forms: ['baftas', 'bafta award', 'bafta awards'] },
  { type: 'misc', key: 'emmy', forms: ['emmys', 'emmy award', 'emmy awards'] },
  { type: 'misc', key: 'golden globe', forms: ['golden globes', 'golden globe award', 'golden globe awards'] },
];

const BY_FORM = new Map<string, { type: EntityType; key: string }>();
for (const g of GROUPS) for (const form of g.forms) BY_FORM.set(form, g);

/** The group key of a name key read as `type`, or the key itself: a `Tory` that is a person (a surname) stays one. */
export function knownAliasKey(key: string, type: EntityType): string {
  const g = BY_FORM.get(key);
  return g && g.type === type ? g.key : key;
}
