// Renders hover cards as markdown. Every piece of article text goes through `escapeMarkdown`,
// so an article can never inject links, images, HTML or command URIs into a hover.
import { type ArticleReference, type DateCard, type HoverCard, type NameCard, weekdayOf } from './hover';
import type { TimelineEntry, UndatedArticle } from './timeline';

const SPECIAL = /[\\`*_{}[\]()#+\-.!|~<>&"']/g;

/** Article text in a plain-text message (a diagnostic, a notification): one line, no control characters, bounded. */
export function escapePlain(text: string, max = 120): string {
  const flat = text.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g, ' ').trim();
  return flat.length > max ? flat.slice(0, max - 1) + '…' : flat;
}

export function escapeMarkdown(text: string): string {
  return text.replace(/[\r\n]+/g, ' ').replace(SPECIAL, (c) => (c === '<' ? '&lt;' : c === '>' ? '&gt;' : c === '&' ? '&amp;' : '\\' + c));
}

/** A link to the mention that opens the article at that line and column (the fragment VS Code understands). */
function linkTo(ref: ArticleReference): string {
  return linkToLocation(ref.uri, ref.location.position, baseName(ref.uri));
}

function baseName(uri: string): string {
  const slash = uri.lastIndexOf('/');
  return decodeURIComponentSafe(uri.slice(slash + 1));
}

function decodeURIComponentSafe(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

function linkToLocation(uri: string, position: { line: number; character: number }, label: string): string {
  const target = `${uri}#L${position.line + 1},${position.character + 1}`.replace(/[()\s]/g, (c) => '%' + c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0'));
  return `[${escapeMarkdown(label)}](${target})`;
}

const TIMELINE_MENTIONS = 12;

/**
 * The timeline as a markdown document: one line per date or time, with links to its mentions. A value guessed from
 * a file's date is marked where it is listed and counted apart; articles with no known date are listed at the end.
 */
export function renderTimeline(entries: TimelineEntry[], undated: UndatedArticle[] = [], limit = 2000): string {
  const lines = ['# Article Lens: timeline', '', `${entries.length} dates and times mentioned in the corpus, earliest first.`];
  const guessedMentions = entries.reduce((n, e) => n + e.mentions.filter((m) => m.guessed).length, 0);
  if (guessedMentions > 0) lines.push('', `${plural(guessedMentions, 'mention')} marked *(guessed)* ${guessedMentions === 1 ? 'has its value' : 'have their values'} from the file's date of an article that states no date.`);
  lines.push('');
  for (const entry of entries.slice(0, limit)) {
    const weekday = weekdayOf(entry.value);
    const docs = new Set(entry.mentions.map((m) => m.location.uri)).size;
    const guessed = entry.mentions.filter((m) => m.guessed).length;
    const note = guessed === 0 ? '' : guessed === entry.mentions.length ? ', all guessed' : `, ${guessed} of them guessed`;
    lines.push(`- **${escapeMarkdown(entry.value)}**${weekday ? ` ${weekday}` : ''}: ${entry.mentions.length} mention${entry.mentions.length === 1 ? '' : 's'} in ${docs} article${docs === 1 ? '' : 's'}${note}`);
    for (const m of entry.mentions.slice(0, TIMELINE_MENTIONS)) {
      const who = m.entities.length > 0 ? ` (${m.entities.map(escapeMarkdown).join(', ')})` : '';
      lines.push(`  - ${m.guessed ? '*(guessed)* ' : ''}${linkToLocation(m.location.uri, m.location.position, baseName(m.location.uri))}: “${escapeMarkdown(m.text)}” in ${escapeMarkdown(m.title)}${who}`);
    }
    if (entry.mentions.length > TIMELINE_MENTIONS) lines.push(`  - and ${entry.mentions.length - TIMELINE_MENTIONS} more`);
  }
  if (entries.length > limit) lines.push('', `(${entries.length - limit} later dates not shown)`);
  if (undated.length > 0) {
    lines.push('', `## Articles with no known date (${undated.length})`, '', 'Their relative dates are left out above, or shown as guesses; set a date to place them.', '');
    for (const a of undated.slice(0, limit)) {
      const how = a.guessedDate ? ` (guessed from the file's date: ${escapeMarkdown(a.guessedDate)})` : '';
      lines.push(`- ${linkToLocation(a.location.uri, a.location.position, baseName(a.location.uri))}: ${escapeMarkdown(a.title)}${how}`);
    }
    if (undated.length > limit) lines.push(`- and ${undated.length - limit} more`);
  }
  return lines.join('\n') + '\n';
}

function articleLine(ref: ArticleReference): string {
  const s = ref.snippet;
  const snippet =
    escapeMarkdown(s.text.slice(0, s.highlight.start)) + '**' + escapeMarkdown(s.text.slice(s.highlight.start, s.highlight.end)) + '**' + escapeMarkdown(s.text.slice(s.highlight.end));
  const times = ref.count === 1 ? '' : ` (${ref.count}×)`;
  // The article by its title, its file name beside it (titles of saved pages repeat; file names do not).
  const title = ref.title ? `${escapeMarkdown(ref.title)} · ` : '';
  return `- ${title}${linkTo(ref)}${times}: ${snippet}`;
}

function article(type: string): string {
  const word = type === 'misc' ? 'other name' : type;
  return `${/^[aeiou]/.test(word) ? 'an' : 'a'} ${word}`;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

export function renderNameCard(card: NameCard, options: RenderOptions = {}): string {
  const lines: string[] = [];
  lines.push(`**${escapeMarkdown(card.entity.name)}** · ${card.entity.type}`);
  lines.push('');
  lines.push(card.confirmed ? '✓ Decided by you' : 'Recognised automatically, not confirmed (Ctrl+. to correct)');
  const from = card.typeFrom;
  if (from && 'guessed' in from) lines.push('', `Type guessed: the recogniser was unsure it is ${article(card.entity.type)} in every mention`);
  else if (from) lines.push('', `Typed ${card.entity.type} from its other mentions: the recogniser ${from.unsure ? 'was unsure here, and read' : 'read'} ${article(from.recognised)}`);
  if (card.wikidata) lines.push('', `Wikidata: [${card.wikidata}](https://www.wikidata.org/wiki/${card.wikidata})`);
  if (card.note) lines.push('', `Note: ${escapeMarkdown(card.note)}`);
  lines.push('');
  const range = card.appears ? (card.appears.first === card.appears.last ? ` · ${card.appears.first}` : ` · ${card.appears.first} to ${card.appears.last}`) : '';
  // Say what the range leaves out, rather than stretch it with dates that are only guesses.
  const left = card.appears && card.undatedArticles > 0 ? ` (${plural(card.undatedArticles, 'article')} with no known date left out)` : '';
  const when = range + left;
  lines.push(`${plural(card.mentionCount, 'mention')} in ${plural(card.documentCount, 'article')}${when}`);
  if (card.spellings.length > 1) {
    lines.push('');
    lines.push('Spellings: ' + card.spellings.map((s) => `${escapeMarkdown(s.text)} (${s.count})`).join(', '));
  }
  if (card.articles.length > 0) {
    lines.push('', '---', '', 'Also in:', '');
    for (const ref of card.articles) lines.push(articleLine(ref));
    const more = card.documentCount - 1 - card.articles.length;
    if (more > 0) lines.push(`- and ${plural(more, 'more article')}${options.mentionsCommand ? `: ${commandLink('all mentions', options.mentionsCommand, [card.entity.id])}` : ''}`);
  }
  if (card.related.length > 0) {
    lines.push('', 'Often alongside: ' + card.related.map((r) => `${escapeMarkdown(r.name)} (${r.articles})`).join(', '));
  }
  return lines.join('\n');
}

/** How a hover offers to set the article's date: the client command that asks for one (`[uri, current date]`). */
export interface RenderOptions {
  setDateCommand?: string;
  /** The client command that peeks at every mention of an entity (`[entity id]`), for the articles a card leaves out. */
  mentionsCommand?: string;
}

/** A command link; only our own command and arguments, never article text, go into the target. */
function commandLink(label: string, command: string, args: unknown[]): string {
  return `[${escapeMarkdown(label)}](command:${command}?${encodeURIComponent(JSON.stringify(args))})`;
}

export function renderDateCard(card: DateCard, options: RenderOptions = {}): string {
  const lines: string[] = [];
  const value = card.value === null ? 'no exact value' : escapeMarkdown(card.value);
  lines.push(`**${value}**${card.weekday ? ` · ${card.weekday}` : ''}${card.guessed ? ' (a guess)' : ''} · ${card.type}`);
  if (card.confirmed) lines.push('', '✓ Decided by you');
  const setOne = options.setDateCommand ? ` (${commandLink('Set Article Date', options.setDateCommand, [card.article.uri, card.article.date])})` : '';
  if (card.needsDate) {
    lines.push('', `This article states no date: set one to resolve “${escapeMarkdown(card.text)}”${setOne}.`);
  } else if (card.guessed) {
    lines.push('', `This value is a guess from the file's date (${escapeMarkdown(card.article.date ?? '')}): the article states no date. Set one to be sure${setOne}.`);
  }
  if (card.resolution) lines.push('', escapeMarkdown(card.resolution));
  if (card.value !== null && !card.guessed) {
    lines.push('', `${plural(card.mentionCount, 'mention')} of this ${card.type} in ${plural(card.documentCount, 'article')}`);
  }
  if (card.guessedArticles > 0) {
    lines.push('', `${plural(card.guessedArticles, 'other article')} ${card.guessedArticles === 1 ? 'has' : 'have'} this value only as a guess from ${card.guessedArticles === 1 ? 'its' : 'their'} file's date, not counted`);
  }
  if (card.articles.length > 0) {
    lines.push('', '---', '', 'Also in:', '');
    for (const ref of card.articles) lines.push(articleLine(ref));
  }
  return lines.join('\n');
}

export function renderHoverCard(card: HoverCard, options: RenderOptions = {}): string {
  return card.kind === 'name' ? renderNameCard(card, options) : renderDateCard(card, options);
}
