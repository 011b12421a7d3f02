/**
 * Which live figure updates reach the page. A training loop may call `plt.pause` thousands of
 * times a second; the page redraws a figure at most ten times a second, so an update is sent only
 * when 100 ms have passed since that figure's last one. The final state always follows, when the
 * figure is shown or closed or the run ends, so a skipped update is never the last word.
 */

/** The least time between two updates of one figure. */
export const LIVE_INTERVAL_MS = 100;

/** The clock the throttle reads; captured when `dezero` loads, before a program could replace it. */
export const liveClock = { now: performance.now.bind(performance) };

/** Tracks the figures drawn live in one run and says when each may be sent. */
export class LiveThrottle<F extends object> {
  readonly #clock: { now: () => number };
  /** Live figures still open, with their id (one per figure for the whole run) and last send. */
  readonly #live = new Map<F, { id: number; sentAt: number }>();
  #ids = 0;

  constructor(clock: { now: () => number } = liveClock) {
    this.#clock = clock;
  }

  /** The id to send `figure`'s update under now, or null when its last went less than 100 ms ago. */
  update(figure: F): number | null {
    const now = this.#clock.now();
    const entry = this.#live.get(figure);
    if (!entry) {
      const id = ++this.#ids;
      this.#live.set(figure, { id, sentAt: now });
      return id;
    }
    if (now - entry.sentAt < LIVE_INTERVAL_MS) return null;
    entry.sentAt = now;
    return entry.id;
  }

  /** Ends `figure`'s live drawing: its id, so its final state goes under it, or null if it was never live. */
  end(figure: F): number | null {
    const entry = this.#live.get(figure);
    if (!entry) return null;
    this.#live.delete(figure);
    return entry.id;
  }

  /** Ends every live figure still open, in the order they went live, with their ids. */
  endAll(): [F, number][] {
    const ended = [...this.#live].map(([figure, { id }]): [F, number] => [figure, id]);
    this.#live.clear();
    return ended;
  }
}
