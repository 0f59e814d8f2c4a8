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
  state(): State | undefined;
  saveState(state: State): void;
  /** The page's root element, emptied. */
  root(): HTMLElement;
}

/** Starts the page: `onData` draws each answer of the host (first when ready, again when the corpus changes). */
export function startPage<Data, State>(onData: (data: Data, page: Page<State>) => void): Page<State> {
  const api = acquireVsCodeApi<State>();
  const app = document.getElementById('app')!;
  const page: Page<State> = {
    post: (m) => api.postMessage(m),
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
  api.postMessage({ type: 'ready' });
  return page;
}

/** An element with attributes and children; strings become text nodes, never markup. */
export function el<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Record<string, string> = {}, ...children: (Node | string)[]): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
  e.append(...children);
  return e;
}
