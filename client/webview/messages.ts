// Messages between a webview page and its host (client/src/webviews/panel.ts). Plain data on both sides.
export type WireRange = { start: { line: number; character: number }; end: { line: number; character: number } };

/** From the host to the page. */
export type HostMessage<Data> = { type: 'data'; data: Data } | { type: 'error'; message: string };

/** From the page to the host. */
export type PageMessage =
  /** The page is ready; `params` (a view's own filters, restored from its state) shape the host's first answer. */
  | { type: 'ready'; params?: unknown }
  /** Ask again with other parameters (the page's filters changed); later answers use them too. */
  | { type: 'query'; params: unknown }
  /** Open an article, at a range when given. */
  | { type: 'open'; uri: string; range?: WireRange }
  /** Open an article at a mention and peek at the mention's references. */
  | { type: 'references'; uri: string; range: WireRange };
