import { renderTimeline } from '../../core/queries/markdown';
import { timeline, undatedArticles } from '../../core/queries/timeline';
import type { ServerContext } from '../context';
import { TIMELINE_REQUEST } from '../../protocol';


export function registerTimeline(ctx: ServerContext): void {
  ctx.connection.onRequest(TIMELINE_REQUEST, () => {
    ctx.sync();
    return { markdown: renderTimeline(timeline(ctx.index), undatedArticles(ctx.index)) };
  });
}
