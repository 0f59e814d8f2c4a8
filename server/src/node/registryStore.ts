// The registry file on disk: read with clear problems, written atomically (temporary file, fsync, rename),
// and never overwritten when it could not be read, so the user's decisions are never lost or half-written.
import * as fs from 'fs';
import * as path from 'path';
import { EMPTY_REGISTRY, type Registry, parseRegistry, serializeRegistry } from '../core/annotations/registry';

export const REGISTRY_PATH = path.join('.article-lens', 'registry.json');

export type LoadedRegistry = { ok: true; registry: Registry; warnings: string[] } | { ok: false; error: string };

export function loadRegistry(file: string): LoadedRegistry {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return { ok: true, registry: EMPTY_REGISTRY, warnings: [] };
    return { ok: false, error: `cannot read ${file}: ${(e as Error).message}` };
  }
  const parsed = parseRegistry(text);
  if (!parsed.value) return { ok: false, error: `${file} is malformed: ${parsed.problems.map((p) => p.message).join('; ')}. Fix it or move it aside; Article Lens will not overwrite it.` };
  return { ok: true, registry: parsed.value, warnings: parsed.problems.map((p) => `${file}: ${p.message}`) };
}

export function saveRegistry(file: string, registry: Registry): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const temp = `${file}.${process.pid}.${Date.now()}.tmp`;
  try {
    const fd = fs.openSync(temp, 'w');
    try {
      fs.writeFileSync(fd, serializeRegistry(registry));
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    fs.renameSync(temp, file);
  } catch (e) {
    fs.rmSync(temp, { force: true });
    throw e;
  }
}
