// When the language server dies, whether to start it again: up to MAX_RESTARTS times within WINDOW_MS, so a
// server that crashes at once on every start is not restarted for ever. No vscode here, so it is testable.

export const MAX_RESTARTS = 4;
export const WINDOW_MS = 3 * 60_000;

export type RestartDecision =
  /** Restart; `tell` is true the first time this session, when the user is told (once). */
  | { restart: true; tell: boolean }
  /** Give up; `tell` is true the first time it gives up since the last reset. */
  | { restart: false; tell: boolean };

export class RestartPolicy {
  private crashes: number[] = [];
  private told = false;
  private gaveUp = false;

  constructor(private readonly now: () => number = Date.now) {}

  /** The server's connection closed without a stop asked for. */
  crashed(): RestartDecision {
    const t = this.now();
    this.crashes = this.crashes.filter((c) => t - c < WINDOW_MS);
    this.crashes.push(t);
    if (this.crashes.length > MAX_RESTARTS) {
      const tell = !this.gaveUp;
      this.gaveUp = true;
      return { restart: false, tell };
    }
    const tell = !this.told;
    this.told = true;
    return { restart: true, tell };
  }

  /** The user restarted the server by hand: the count starts again. */
  reset(): void {
    this.crashes = [];
    this.gaveUp = false;
  }
}
