// Chooses the recognisers the server and the command line analyse with.
import type { Recognizers } from '../core/analyze';
import { createCapitalizedRunRecognizer } from '../core/recognize/capitalizedRuns';
import { createDateRecognizer } from '../core/recognize/dates/index';

let cached: Recognizers | undefined;

export function loadRecognizers(): Recognizers {
  cached ??= { names: createCapitalizedRunRecognizer(), dates: createDateRecognizer() };
  return cached;
}
