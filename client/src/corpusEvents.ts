// One subscription to the server's notifications that the corpus changed (indexing complete, entities changed),
// shared by every view: the language client keeps one handler per notification, and a burst of changes (a
// folder of files saved at once) should refresh the views once.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { ENTITIES_CHANGED, INDEXING_COMPLETE } from '../../server/src/protocol';

export function corpusChanges(context: vscode.ExtensionContext, client: () => LanguageClient | undefined, ready: Promise<void>): vscode.Event<void> {
  const emitter = new vscode.EventEmitter<void>();
  let timer: NodeJS.Timeout | undefined;
  const soon = () => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => emitter.fire(), 200);
  };
  context.subscriptions.push(emitter, { dispose: () => timer && clearTimeout(timer) });
  void ready.then(
    () => {
      const c = client();
      if (c) context.subscriptions.push(c.onNotification(INDEXING_COMPLETE, soon), c.onNotification(ENTITIES_CHANGED, soon));
    },
    () => undefined, // a server that did not start is reported by the language client
  );
  return emitter.event;
}
