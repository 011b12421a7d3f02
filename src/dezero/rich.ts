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
      /** Set on a figure drawn while the program runs (`plt.pause`, `plt.draw`): see `LiveFigure`. */
      live?: LiveFigure;
    };

/**
 * A live figure is sent again and again under one id: each item replaces the previous one in
 * place, so it counts as one figure (in the page, in Node's record, against the figure limit).
 */
export interface LiveFigure {
  /** Numbers the run's live figures from 1. */
  id: number;
  /** True for its last state (shown, closed or the run ended): from then on an ordinary figure. */
  final: boolean;
}

/** Receives every rich item in the order the program draws. */
export type RichSink = (item: RichItem) => void;

/** Everything drawn while no other sink is set (Node, tests), in order. */
export const recorded: RichItem[] = [];

let sink: RichSink = (item) => recordRich(recorded, item);

/** The live id of an item, or null for an ordinary figure or graph. */
export function liveId(item: RichItem): number | null {
  return item.kind === 'plot' && item.live ? item.live.id : null;
}

/** Appends `item` to `list`, or replaces the earlier state of the same live figure where it stands. */
export function recordRich(list: RichItem[], item: RichItem): void {
  const id = liveId(item);
  const index = id === null ? -1 : list.findIndex((earlier) => liveId(earlier) === id);
  if (index < 0) list.push(item);
  else list[index] = item;
}

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
