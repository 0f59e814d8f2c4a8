// Callbacks that run outside a request handler (timers, immediates, document events, worker results) go through
// `guarded`: a failure is logged and the server goes on, where thrown to the event loop it would end the process.

export type Log = (message: string) => void;

export function guarded<A extends unknown[]>(log: Log, what: string, f: (...args: A) => void): (...args: A) => void {
  return (...args) => {
    try {
      f(...args);
    } catch (e) {
      log(`${what} failed: ${errorText(e)}`);
    }
  };
}

export function errorText(e: unknown): string {
  return e instanceof Error ? (e.stack ?? e.message) : String(e);
}
