import { renderTimeline } from '../../core/queries/markdown';
import { timeline } from '../../core/queries/timeline';
import type { ServerContext } from '../context';

/** Custom request: the corpus timeline as a markdown document. */
export const TIMELINE_REQUEST = 'articleLens/timeline';

export function registerTimeline(ctx: ServerContext): void {
  ctx.connection.onRequest(TIMELINE_REQUEST, () => {
    ctx.sync();
    return { markdown: renderTimeline(timeline(ctx.index)) };
  });
}
