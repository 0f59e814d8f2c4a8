// The user's entity registry: decisions that override the recogniser, kept in a human-readable,
// diff-friendly JSON file in the workspace. Parsing never throws; a malformed file is reported, not replaced.
import type { Problem, Result } from '../model';

export interface AcceptedSpelling {
  /** The spelling as written in the articles. */
  spelling: string;
  /** The canonical name of the entity it belongs to, when accepted. */
  of: string;
}

export interface Registry {
  version: 1;
  acceptedSpellings: AcceptedSpelling[];
}

export const EMPTY_REGISTRY: Registry = { version: 1, acceptedSpellings: [] };

export function parseRegistry(text: string): Result<Registry | null> {
  const problems: Problem[] = [];
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    return { value: null, problems: [{ severity: 'error', message: `not valid JSON (${(e as Error).message})` }] };
  }
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return { value: null, problems: [{ severity: 'error', message: 'expected a JSON object' }] };
  const obj = raw as Record<string, unknown>;
  if (obj.version !== 1) return { value: null, problems: [{ severity: 'error', message: `unknown version ${JSON.stringify(obj.version)}; this Article Lens reads version 1` }] };
  const list = obj.acceptedSpellings ?? [];
  if (!Array.isArray(list)) return { value: null, problems: [{ severity: 'error', message: '"acceptedSpellings" must be a list' }] };
  const acceptedSpellings: AcceptedSpelling[] = [];
  list.forEach((item, i) => {
    const e = item as Record<string, unknown>;
    if (e && typeof e.spelling === 'string' && typeof e.of === 'string') acceptedSpellings.push({ spelling: e.spelling, of: e.of });
    else problems.push({ severity: 'warning', message: `acceptedSpellings[${i}] needs "spelling" and "of" strings; ignored` });
  });
  return { value: { version: 1, acceptedSpellings }, problems };
}

/** One entry per line, sorted, so a change is a one-line diff. */
export function serializeRegistry(registry: Registry): string {
  const sorted = [...registry.acceptedSpellings].sort((a, b) => a.of.localeCompare(b.of) || a.spelling.localeCompare(b.spelling));
  const lines = sorted.map((e) => `    ${JSON.stringify({ spelling: e.spelling, of: e.of })}`);
  return `{\n  "version": 1,\n  "acceptedSpellings": [${lines.length ? '\n' + lines.join(',\n') + '\n  ' : ''}]\n}\n`;
}

export function withAcceptedSpelling(registry: Registry, spelling: string, of: string): Registry {
  if (registry.acceptedSpellings.some((e) => e.spelling === spelling && e.of === of)) return registry;
  return { ...registry, acceptedSpellings: [...registry.acceptedSpellings, { spelling, of }] };
}
