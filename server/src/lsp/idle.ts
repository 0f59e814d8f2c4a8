// When the editor is quiet: background work (writing the index cache) runs its slices in the gaps between the
// editor's messages, so a burst of requests is answered at once rather than behind a slice. Messages are seen as
// bytes arriving on stdin (the stdio transport); with another transport every moment counts as quiet.
let lastActivity = 0;
let watching = false;

export function watchActivity(stream: NodeJS.ReadableStream | undefined): void {
  if (!stream || watching) return;
  watching = true;
  stream.on('data', () => (lastActivity = Date.now()));
}

/** Resolves once no message has come for `quietMs`, or after `maxWaitMs` however busy the editor is. */
export function whenQuiet(quietMs = 30, maxWaitMs = 2000): Promise<void> {
  const started = Date.now();
  return new Promise((resolve) => {
    const check = () => {
      const now = Date.now();
      const quietFor = now - lastActivity;
      if (quietFor >= quietMs || now - started >= maxWaitMs) setImmediate(resolve);
      else setTimeout(check, quietMs - quietFor);
    };
    check();
  });
}
