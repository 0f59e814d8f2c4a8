// Chooses the recognisers the server and the command line analyse with: the trained name tagger
// (its model file ships beside the bundle) and the date recogniser.
import type { Recognizers } from '../core/analyze';
import { createDateRecognizer } from '../core/recognize/dates/index';
import { loadNameRecognizer } from './nameModel';

let cached: Recognizers | undefined;

export function loadRecognizers(): Recognizers {
  cached ??= { names: loadNameRecognizer(), dates: createDateRecognizer() };
  return cached;
}
