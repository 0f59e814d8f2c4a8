// Label names of the formats and the one reverse lookup every importer uses. Each format writes its own label set
// (see its LABELS); reading is lenient: the usual spellings of the six types in any of those sets are understood.
import type { MentionType } from '../../model';

export type LabelSet = Readonly<Record<MentionType, string>>;

/** CoNLL-2003 style, as brat, doccano and Label Studio's NER template use: PER ORG LOC MISC DATE TIME. */
export const CONLL_LABELS: LabelSet = { person: 'PER', organization: 'ORG', location: 'LOC', misc: 'MISC', date: 'DATE', time: 'TIME' };

/** spaCy's conventional names (OntoNotes' PERSON, ORG, LOC, DATE, TIME, and MISC as spaCy's WikiNER models have it). */
export const SPACY_LABELS: LabelSet = { person: 'PERSON', organization: 'ORG', location: 'LOC', misc: 'MISC', date: 'DATE', time: 'TIME' };

const READ: Record<string, MentionType> = {
  PER: 'person', PERSON: 'person',
  ORG: 'organization', ORGANIZATION: 'organization', ORGANISATION: 'organization',
  LOC: 'location', LOCATION: 'location', GPE: 'location',
  MISC: 'misc', MISCELLANEOUS: 'misc',
  DATE: 'date',
  TIME: 'time',
};

/** The mention type a label names, or null for a label of no type of ours. */
export function typeOfLabel(label: string): MentionType | null {
  return READ[label.toUpperCase()] ?? null;
}
