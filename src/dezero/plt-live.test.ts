import { test } from 'node:test';
import assert from 'node:assert/strict';
import { LIVE_INTERVAL_MS, LiveThrottle, liveClock } from './plt-live.ts';
import { endLiveFigures, plt } from './plt.ts';
import { recordRich, setRichSink } from './rich.ts';
import type { RichItem } from './rich.ts';

/** A clock the test moves by hand. */
function fakeClock(): { now: () => number; advance: (ms: number) => void } {
  let t = 1000;
  return { now: () => t, advance: (ms) => (t += ms) };
}

test('a live figure is sent at once, then at most once per 100 ms', () => {
  const clock = fakeClock();
  const throttle = new LiveThrottle<object>(clock);
  const figure = {};
  assert.equal(throttle.update(figure), 1);
  clock.advance(LIVE_INTERVAL_MS - 1);
  assert.equal(throttle.update(figure), null);
  clock.advance(1);
  assert.equal(throttle.update(figure), 1);
  clock.advance(30);
  assert.equal(throttle.update(figure), null);
  assert.equal(throttle.end(figure), 1, 'its final state goes under the same id');
  assert.equal(throttle.end(figure), null, 'and only once');
});

test('each live figure has its own id and its own 100 ms', () => {
  const clock = fakeClock();
  const throttle = new LiveThrottle<object>(clock);
  const [a, b] = [{}, {}];
  assert.equal(throttle.update(a), 1);
  assert.equal(throttle.update(b), 2);
  clock.advance(50);
  assert.equal(throttle.update(a), null);
  assert.equal(throttle.update(b), null);
  assert.deepEqual(throttle.endAll(), [
    [a, 1],
    [b, 2],
  ]);
  assert.deepEqual(throttle.endAll(), []);
  assert.equal(throttle.update({}), 3, 'ids are not reused within a run');
});

/** Runs `program` with plt's throttle on a fake clock; returns every item sent and the clock. */
function drawing(program: (clock: ReturnType<typeof fakeClock>) => void): RichItem[] {
  const clock = fakeClock();
  const realNow = liveClock.now;
  liveClock.now = clock.now;
  const sent: RichItem[] = [];
  const previous = setRichSink((item) => sent.push(item));
  try {
    program(clock);
    endLiveFigures();
  } finally {
    setRichSink(previous);
    liveClock.now = realNow;
    plt.close('all');
  }
  return sent;
}

/** Each item's live state, its id counted from 1 in this test (plt's ids run on across tests). */
function liveStates(sent: RichItem[]): ({ id: number; final: boolean } | null)[] {
  const ids = new Map<number, number>();
  return sent.map((item) => {
    if (item.kind !== 'plot' || !item.live) return null;
    if (!ids.has(item.live.id)) ids.set(item.live.id, ids.size + 1);
    return { id: ids.get(item.live.id)!, final: item.live.final };
  });
}

const lineYs = (item: RichItem): number[] =>
  item.kind === 'plot' && item.figure.axes[0]?.series[0]?.type === 'line'
    ? item.figure.axes[0].series[0].y
    : [];

test('a training loop with pause sends throttled updates of one figure, then its final state once', () => {
  const sent = drawing((clock) => {
    const losses: number[] = [];
    for (let epoch = 0; epoch < 25; epoch++) {
      losses.push(1 / (epoch + 1));
      plt.cla();
      plt.plot(losses);
      plt.ylabel('loss');
      plt.pause(0.01);
      clock.advance(10); // ten epochs per 100 ms
    }
    plt.show();
  });
  // Epochs 1, 11 and 21 were sent live; the show sent all 25, under the same id, as final.
  assert.deepEqual(liveStates(sent), [
    { id: 1, final: false },
    { id: 1, final: false },
    { id: 1, final: false },
    { id: 1, final: true },
  ]);
  assert.deepEqual(
    sent.map((item) => lineYs(item).length),
    [1, 11, 21, 25],
  );
  const first = sent[0]!;
  assert.ok(first.kind === 'plot' && first.figure.axes[0]?.ylabel === 'loss');
  // In Node's record a live figure is one figure, as it ended.
  const record: RichItem[] = [];
  for (const item of sent) recordRich(record, item);
  assert.equal(record.length, 1);
  assert.equal(lineYs(record[0]!).length, 25);
});

test('the run ends a live figure that was never shown, and a shown one is not sent again', () => {
  const sent = drawing((clock) => {
    plt.plot([1, 2]);
    plt.draw();
    plt.plot([3, 4]);
    clock.advance(5);
    plt.draw(); // held back
    plt.figure();
    plt.plot([5]);
    plt.draw();
    plt.show();
    plt.figure();
    plt.plot([6]);
    plt.pause(0);
  });
  assert.deepEqual(liveStates(sent), [
    { id: 1, final: false },
    { id: 2, final: false },
    { id: 1, final: true },
    { id: 2, final: true },
    { id: 3, final: false },
    { id: 3, final: true },
  ]);
  const final1 = sent[2]!;
  assert.ok(final1.kind === 'plot' && final1.figure.axes[0]?.series.length === 2);
});

test('closing a live figure leaves its last state; closing an ordinary one sends nothing', () => {
  const sent = drawing((clock) => {
    plt.plot([1]);
    plt.pause(0.1);
    plt.plot([2]);
    clock.advance(1);
    plt.pause(0.1);
    plt.close();
    plt.plot([3]);
    plt.close();
  });
  assert.equal(sent.length, 2);
  const last = sent[1]!;
  assert.ok(last.kind === 'plot' && last.live?.final === true);
  assert.equal(last.figure.axes[0]?.series.length, 2);
});

test('pause with no figure open draws nothing, and refuses a negative interval', () => {
  assert.deepEqual(
    drawing(() => plt.pause(0.5)),
    [],
  );
  assert.throws(() => plt.pause(-1), /interval must be >= 0/);
});

test('clf empties the figure and keeps its size; cla resets the axes and its colour cycle', () => {
  const sent = drawing(() => {
    plt.figure({ figsize: [3, 2] });
    plt.subplot(1, 2, 1);
    plt.plot([1, 2]);
    plt.clf();
    plt.plot([1, 2]);
    plt.title('t');
    plt.xlim(0, 3);
    plt.cla();
    plt.plot([2, 1]);
    plt.show();
  });
  const item = sent[0]!;
  assert.ok(item.kind === 'plot');
  assert.equal(item.figure.width, 300);
  assert.equal(item.figure.axes.length, 1);
  const axes = item.figure.axes[0]!;
  assert.deepEqual(
    [axes.rows, axes.cols, axes.index, axes.title, axes.xlim],
    [1, 1, 1, null, null],
  );
  const line = axes.series[0]!;
  assert.ok(line.type === 'line' && line.color === '#1f77b4', 'the first colour again');
});

test('ion and ioff set the interactive mode that isinteractive reports', () => {
  assert.equal(plt.isinteractive(), false);
  plt.ion();
  assert.equal(plt.isinteractive(), true);
  plt.ioff();
  assert.equal(plt.isinteractive(), false);
});
