// The entities as CSV (RFC 4180: comma-separated, CRLF line ends, a field quoted when it holds a comma, a quote
// or a line break, quotes doubled inside). Spellings and external ids are joined with "; ".
// Entity names come from articles, so a cell that a spreadsheet would run as a formula (starting with = + - @,
// or a tab or carriage return) gets a leading apostrophe, as OWASP advises against CSV injection.
import type { ExportEntity } from './types';

export const CSV_HEADER = ['id', 'name', 'type', 'spellings', 'mentions', 'articles', 'first_date', 'last_date', 'external_id', 'note'] as const;

export interface CsvOptions {
  /** Start with a UTF-8 byte order mark, which Excel needs to read the file as UTF-8 (pandas then needs utf-8-sig). */
  bom?: boolean;
}

const NEEDS_QUOTES = /[",\r\n]/;
const FORMULA = /^[=+\-@\t\r]/;

/** The header and one row per entity, one chunk per row. */
export function* csvRows(entities: readonly ExportEntity[], options: CsvOptions = {}): Generator<string> {
  yield (options.bom ? '\uFEFF' : '') + row(CSV_HEADER);
  for (const e of entities) {
    const externalIds = Object.entries(e.externalIds).map(([base, id]) => `${base}:${id}`);
    yield row([e.id, e.name, e.type, e.spellings.join('; '), String(e.mentions), String(e.articles), e.firstDate ?? '', e.lastDate ?? '', externalIds.join('; '), e.note ?? '']);
  }
}

function row(cells: readonly string[]): string {
  return cells.map(cell).join(',') + '\r\n';
}

export function cell(value: string): string {
  const safe = FORMULA.test(value) ? `'${value}` : value;
  return NEEDS_QUOTES.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/**
 * Reads RFC 4180 CSV into rows of cells (the formula guard is not undone). Lenient: LF line ends, a last line
 * without one, a byte order mark.
 */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  const n = text.length;
  for (let i = text.charCodeAt(0) === 0xfeff ? 1 : 0; i < n; i++) {
    const c = text[i];
    if (quoted) {
      if (c !== '"') {
        field += c;
      } else if (text[i + 1] === '"') {
        field += '"';
        i++;
      } else {
        quoted = false;
      }
    } else if (c === '"') {
      quoted = true;
    } else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else {
      field += c;
    }
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}
