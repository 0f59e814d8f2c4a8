// Reads the map's gazetteer table (dist/places.tsv, written by the build) once, when a map is first asked for:
// a server whose user never opens the map never holds it.
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { Gazetteer } from '../core/queries/gazetteer';

let cached: { gazetteer: Gazetteer | null; problem: string | null } | undefined;

export function placesTablePath(): string {
  // Bundled: beside dist/server.js. From the TypeScript sources (tests, bench): the build's copy in <repo>/dist.
  return path.basename(__dirname) === 'dist' ? path.join(__dirname, 'places.tsv') : path.join(__dirname, '..', '..', '..', 'dist', 'places.tsv');
}

export function loadGazetteer(): { gazetteer: Gazetteer | null; problem: string | null } {
  if (cached) return cached;
  try {
    const { gazetteer, skipped } = Gazetteer.parse(readFileSync(placesTablePath(), 'utf8'));
    cached = { gazetteer, problem: skipped > 0 ? `${skipped} lines of the place table could not be read` : null };
  } catch (e) {
    cached = { gazetteer: null, problem: `the place table could not be read (${e instanceof Error ? e.message : String(e)})` };
  }
  return cached;
}
