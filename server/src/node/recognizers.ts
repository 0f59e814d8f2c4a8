// Chooses the recognisers the server and the command line analyse with.
import type { Recognizers } from '../core/analyze';
import { createCapitalizedRunRecognizer } from '../core/recognize/capitalizedRuns';
import type { DateRecognizer } from '../core/recognize/types';

const noDates: DateRecognizer = { recognize: () => ({ referenceDate: null, mentions: [] }) };

let cached: Recognizers | undefined;

export function loadRecognizers(): Recognizers {
  cached ??= { names: createCapitalizedRunRecognizer(), dates: noDates };
  return cached;
}
