// The list of the user's decisions (each opening where it applies, orphans first), undo, the entity pick list,
// and the corpus's misspelling hints, which VS Code's Problems panel does not list.
import * as path from 'path';
import { pathToFileURL } from 'url';
import { spellingHints } from '../../core/queries/spelling';
import { DECISIONS_REQUEST, type DecisionItem, ENTITIES_REQUEST, type EntitiesParams, type EntityItem, SPELLING_HINTS_REQUEST, type SpellingHintItem } from '../../protocol';
import { canonicalUri } from '../../node/corpusLoader';
import { recordsPath, registryPath } from '../../node/store';
import { rangeOf, toLocation } from '../convert';
import type { ServerContext } from '../context';
import { spellingMessage } from './diagnostics';

const MAX_HINTS = 2000;

export function registerDecisions(ctx: ServerContext): void {
  ctx.connection.onRequest(DECISIONS_REQUEST, (): DecisionItem[] => {
    ctx.sync();
    const out: DecisionItem[] = [];
    for (const store of ctx.store.snapshot()) {
      for (const [article, file] of store.records) {
        const uri = canonicalUri(pathToFileURL(path.join(store.folder, ...article.split('/'))).href);
        const doc = ctx.index.get(uri);
        const where = recordsPath(store.folder, article);
        for (const record of file.records) {
          const placed = doc?.placed.find((p) => p.record.id === record.id);
          const orphan = doc?.orphans.find((o) => o.record.id === record.id);
          const what =
            record.decision === 'type' ? `marked as ${record.type}` : record.decision === 'reject' ? 'not an entity' : record.decision === 'entity' ? `belongs to ${ctx.index.entity(record.entity)?.name ?? record.entity}` : `value ${record.value ?? 'none'}`;
          out.push({
            label: `${orphan ? '⚠ orphaned: ' : ''}“${record.exact}” ${what}`,
            detail: `${article}${orphan ? ` · ${orphan.reason}` : doc ? '' : ' · article not indexed'}`,
            ...(placed && doc ? { location: { uri, range: rangeOf(doc, placed.span) } } : {}),
            orphan: orphan !== undefined,
            file: where,
          });
        }
      }
      const reg = store.registry;
      if (!reg) continue;
      const regFile = registryPath(store.folder);
      for (const s of reg.spellings) {
        out.push({ label: `every “${s.spelling}”: ${s.decision === 'reject' ? 'not an entity' : `marked as ${s.type}`}`, detail: 'the whole corpus', orphan: false, file: regFile });
      }
      for (const e of reg.entities) {
        const info = ctx.index.entity(e.id);
        const facts = [e.name ? `named ${e.name}` : '', e.type ? e.type : '', e.spellings.length ? `spellings ${e.spellings.join(', ')}` : '', e.note ? 'a note' : '', e.ids?.wikidata ? `Wikidata ${e.ids.wikidata}` : ''].filter(Boolean);
        const def = info ? ctx.index.mentionsOf(info)[0] : undefined;
        const doc = def ? ctx.index.get(def.uri) : undefined;
        out.push({
          label: `entity ${info?.name ?? e.name ?? e.id}: ${facts.join(' · ') || 'pinned'}`,
          detail: info ? `${info.mentionCount} mentions in ${info.documents.size} articles` : 'no mention in the corpus now',
          ...(def && doc ? { location: { uri: def.uri, range: rangeOf(doc, def.mention) } } : {}),
          orphan: false,
          file: regFile,
        });
      }
    }
    return out.sort((a, b) => Number(b.orphan) - Number(a.orphan));
  });

  ctx.connection.onRequest(ENTITIES_REQUEST, (params: EntitiesParams): EntityItem[] => {
    ctx.sync();
    const query = typeof params?.query === 'string' ? params.query.slice(0, 200) : '';
    const limit = Math.min(200, Math.max(1, Number(params?.limit) || 50));
    return ctx.search
      .search(query)
      .filter((s) => s.entity.id !== params?.exclude)
      .slice(0, limit)
      .map(({ entity, location }) => ({
        id: entity.id,
        name: entity.name,
        type: entity.type,
        mentions: entity.mentionCount,
        articles: entity.documents.size,
        spellings: entity.spellings.slice(0, 6).map((s) => s.text),
        confirmed: entity.registered !== undefined,
        location: toLocation((u) => ctx.index.get(u), location),
      }));
  });

  ctx.connection.onRequest(SPELLING_HINTS_REQUEST, (): SpellingHintItem[] => {
    ctx.sync();
    const out: SpellingHintItem[] = [];
    for (const doc of ctx.index.documents()) {
      for (const h of spellingHints(ctx.index, doc)) {
        if (out.length >= MAX_HINTS) return out;
        out.push({ uri: doc.uri, range: rangeOf(doc, h.span), spelling: h.spelling, suggestion: h.suggestion, message: spellingMessage(h) });
      }
    }
    return out;
  });
}
