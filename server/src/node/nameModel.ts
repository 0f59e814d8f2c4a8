// Loads the trained name model from disk: next to the bundle (dist/names.model) or, when running the
// TypeScript sources, from <repo>/models/names.model. One recogniser per process.
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { createNameRecognizer } from '../core/recognize/names';
import type { NameRecognizer } from '../core/recognize/types';

let cached: NameRecognizer | undefined;

export function nameModelPath(): string {
  const bundled = path.join(__dirname, 'names.model');
  if (existsSync(bundled)) return bundled;
  return path.join(__dirname, '..', '..', '..', 'models', 'names.model');
}

export function loadNameRecognizer(): NameRecognizer {
  if (!cached) cached = createNameRecognizer(new Uint8Array(readFileSync(nameModelPath())));
  return cached;
}
