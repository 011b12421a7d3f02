/**
 * The one place lesson programs send figures and graphs. In the page the runner sets a sink that
 * forwards each item to the output panel; in Node (tests, scripts) items are recorded in order.
 */
import type { FigureSpec } from './plt-spec.ts';

export type { FigureSpec } from './plt-spec.ts';

/** A figure or graph for the output panel; plain JSON, so it can be posted from a worker. */
export type RichItem =
  | {
      kind: 'dot';
      /** Graphviz DOT text. */
      dot: string;
      /** The file name the program asked for (the book's `to_file`), if any. */
      toFile?: string;
      /** A caption, if any. */
      title?: string;
    }
  | {
      kind: 'plot';
      /** The figure, as `plt` recorded it. */
      figure: FigureSpec;
      /** The name given to `plt.savefig`, if any. */
      toFile?: string;
    };

/** Receives every rich item in the order the program draws. */
export type RichSink = (item: RichItem) => void;

/** Everything drawn while no other sink is set (Node, tests), in order. */
export const recorded: RichItem[] = [];

let sink: RichSink = (item) => {
  recorded.push(item);
};

/** Redirects rich output; returns the previous sink so a caller can restore it. */
export function setRichSink(next: RichSink): RichSink {
  const previous = sink;
  sink = next;
  return previous;
}

/** Hands one item to the current sink. */
export function emitRich(item: RichItem): void {
  sink(item);
}
