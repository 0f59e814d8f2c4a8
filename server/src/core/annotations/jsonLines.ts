// Where in a JSON file a problem lies, as a 0-based line, so a diagnostic can point at the entry at fault.
// jsonc-parser (VS Code's own JSON scanner) gives exact offsets where JSON.parse's messages often give none.
import { type Node, type ParseError, findNodeAtLocation, parseTree, printParseErrorCode } from 'jsonc-parser';

/** A store file's text as a JSON object (a byte-order mark allowed), or the problem, at its line, that stops it. */
export function parseJsonObject(text: string): { source: string; object: Record<string, unknown> } | { problem: { severity: 'error'; message: string; line: number } } {
  const source = text.replace(/^\uFEFF/, '');
  const invalid = syntaxError(source);
  if (invalid) return { problem: { severity: 'error', message: `not valid JSON: ${invalid.message}`, line: invalid.line } };
  let raw: unknown;
  try {
    raw = JSON.parse(source);
  } catch (e) {
    return { problem: { severity: 'error', message: `not valid JSON (${(e as Error).message})`, line: 0 } };
  }
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return { problem: { severity: 'error', message: 'expected a JSON object', line: 0 } };
  return { source, object: raw as Record<string, unknown> };
}

/** The first syntax error of `text` with its line, or null when the text is valid JSON. */
export function syntaxError(text: string): { message: string; line: number } | null {
  const errors: ParseError[] = [];
  parseTree(text, errors, { allowTrailingComma: false, disallowComments: true });
  if (errors.length === 0) return null;
  const e = errors[0];
  return { message: describe(printParseErrorCode(e.error)), line: lineAt(text, e.offset) };
}

/** The line of `list[index]` (or of the key `list` itself when no index is given); 0 when it cannot be found. */
export function lineOfEntry(text: string, list: string, index?: number): number {
  const tree: Node | undefined = parseTree(text);
  if (!tree) return 0;
  const node = findNodeAtLocation(tree, index === undefined ? [list] : [list, index]);
  if (!node) return 0;
  // For a key, point at the property (its key), not its value on a later line.
  const at = index === undefined && node.parent?.type === 'property' ? node.parent.offset : node.offset;
  return lineAt(text, at);
}

function lineAt(text: string, offset: number): number {
  let line = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) line++;
  }
  return line;
}

const WORDS: Record<string, string> = {
  InvalidSymbol: 'a character that does not belong here',
  InvalidNumberFormat: 'a malformed number',
  PropertyNameExpected: 'a property name in double quotes was expected',
  ValueExpected: 'a value was expected',
  ColonExpected: 'a colon was expected',
  CommaExpected: 'a comma was expected',
  CloseBraceExpected: 'a closing } was expected',
  CloseBracketExpected: 'a closing ] was expected',
  EndOfFileExpected: 'nothing may follow the closing }',
  InvalidCommentToken: 'comments are not allowed',
  UnexpectedEndOfComment: 'an unfinished comment',
  UnexpectedEndOfString: 'an unfinished string',
  UnexpectedEndOfNumber: 'an unfinished number',
  InvalidUnicode: 'a malformed \\u escape',
  InvalidEscapeCharacter: 'a malformed escape',
  InvalidCharacter: 'a control character inside a string',
};

function describe(code: string): string {
  return WORDS[code] ?? code;
}
