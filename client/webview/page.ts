// The page side of every webview: talks to the host, keeps the view's state across reloads, builds elements
// with text content only (article text never becomes markup).
import type { HostMessage, PageMessage } from './messages';

interface VsCodeApi<State> {
  postMessage(message: PageMessage): void;
  getState(): State | undefined;
  setState(state: State): void;
}
declare function acquireVsCodeApi<State>(): VsCodeApi<State>;

export interface Page<State> {
  post(message: PageMessage): void;
  /** Asks the host for the data again with other parameters (the view's filters). */
  query(params: unknown): void;
  state(): State | undefined;
  saveState(state: State): void;
  /** The page's root element, emptied. */
  root(): HTMLElement;
}

/**
 * Starts the page: `onData` draws each answer of the host (first when ready, again when the corpus changes).
 * `params`, when given, is sent with the first request (filters restored from the saved state).
 */
export function startPage<Data, State>(onData: (data: Data, page: Page<State>) => void, params?: (state: State | undefined) => unknown): Page<State> {
  const api = acquireVsCodeApi<State>();
  const app = document.getElementById('app')!;
  const page: Page<State> = {
    post: (m) => api.postMessage(m),
    query: (p) => api.postMessage({ type: 'query', params: p }),
    state: () => api.getState(),
    saveState: (s) => api.setState(s),
    root() {
      app.replaceChildren();
      return app;
    },
  };
  window.addEventListener('message', (event: MessageEvent<HostMessage<Data>>) => {
    const message = event.data;
    if (message?.type === 'data') onData(message.data, page);
    else if (message?.type === 'error') page.root().append(el('p', { class: 'status error' }, `Could not load: ${message.message}`));
  });
  api.postMessage({ type: 'ready', params: params?.(api.getState()) });
  return page;
}

/** An element with attributes and children; strings become text nodes, never markup. */
export function el<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Record<string, string> = {}, ...children: (Node | string)[]): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
  e.append(...children);
  return e;
}
