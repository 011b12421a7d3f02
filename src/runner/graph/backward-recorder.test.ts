import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { STEPS_DIR } from '../../course/lesson-files.ts';
import { F, Variable, np } from '../../dezero/index.ts';
import { setBackwardObserver } from '../../dezero/backward-hook.ts';
import { captureRun } from '../capture-run.ts';
import type { FromWorker } from '../protocol.ts';
import { RawRecording, coreListener } from './backward-recorder.ts';
import { NodeIds, describeGraph, labelFrom } from './describe-graph.ts';
import type { GraphReport } from './graph-report.ts';

/** A branched graph: y = exp(x)^2 + sin(exp(x)) * x. */
function branched(): { x: Variable; y: Variable } {
  const x = new Variable(np.array(0.7), 'x');
  const a = F.exp(x);
  return { x, y: a.pow(2).add(F.sin(a).mul(x)) };
}

test('the core reports each function it takes, the queue after it, and the gradients written', () => {
  const { x, y } = branched();
  const recording = new RawRecording('core');
  const previous = setBackwardObserver(() => coreListener(recording));
  try {
    y.backward({ retainGrad: true });
  } finally {
    setBackwardObserver(previous);
  }
  const ids = new NodeIds();
  const label = labelFrom(new Map());
  const graph = describeGraph(y, ids, label);
  const { steps, source, cut } = recording.describe(ids, label);
  assert.equal(source, 'core');
  assert.equal(cut, false);
  assert.equal(steps.length, graph.drawnFunctions, 'each function is taken once');
  const generations = steps.map((s) => s.fn.generation!);
  assert.deepEqual(
    generations,
    [...generations].sort((a, b) => b - a),
  );
  for (const step of steps) {
    const waiting = step.waiting.map((f) => f.generation!);
    assert.deepEqual(
      waiting,
      [...waiting].sort((a, b) => b - a),
      'the queue comes out highest first',
    );
    assert.ok(waiting.every((g) => g <= step.fn.generation!));
    assert.ok(step.fn.id !== null && step.waiting.every((f) => f.id !== null));
  }
  assert.equal(steps[0]!.waitingCount, 0, 'the output’s creator is alone in the queue at first');
  // x takes gradients from Exp and from Mul; the last write is its final gradient.
  const toX = steps.flatMap((s) => s.gradients.filter((g) => g.label === 'x'));
  assert.equal(toX.length, 2);
  assert.equal(toX.at(-1)!.valueFull, String(x.grad!.data));
});

test('with no listener, backward gives the same gradients (the hook changes nothing)', () => {
  const plain = branched();
  plain.y.backward();
  const heard = branched();
  const roots: object[] = [];
  const previous = setBackwardObserver((root) => (roots.push(root), null));
  try {
    heard.y.backward();
  } finally {
    setBackwardObserver(previous);
  }
  assert.deepEqual(roots, [heard.y]);
  assert.equal(String(heard.x.grad), String(plain.x.grad));
});

test('a pass longer than the kept steps is cut, and says so', () => {
  let y = new Variable(np.array(0.1));
  for (let i = 0; i < 2100; i++) y = F.sin(y);
  const recording = new RawRecording('core');
  const previous = setBackwardObserver(() => coreListener(recording));
  try {
    y.backward();
  } finally {
    setBackwardObserver(previous);
  }
  assert.equal(recording.steps.length, 2000);
  assert.equal(recording.cut, true);
});

/** Runs a lesson program in this process as the worker does; returns its output and graphs. */
async function capture(
  program: string,
  recordBackward: boolean,
): Promise<{ stdout: string; report: GraphReport | null; end: FromWorker['type'] }> {
  const code = readFileSync(new URL(`${program}.ts`, STEPS_DIR), 'utf8');
  let stdout = '';
  let report: GraphReport | null = null;
  let end: FromWorker['type'] = 'ready';
  await captureRun(
    code,
    (message) => {
      if (message.type === 'stdout') stdout += message.text;
      else if (message.type === 'graph') report = message.report;
      else end = message.type;
    },
    { recordBackward },
  );
  return { stdout, report, end };
}

test("step 16's own classes: the graph of y, and its backward replayed in generation order", async () => {
  const expected = readFileSync(new URL('16/main.out', STEPS_DIR), 'utf8');
  const plain = await capture('16/main', false);
  assert.equal(plain.end, 'done');
  assert.equal(plain.stdout, expected);
  const graph = plain.report!.graphs[0]!;
  assert.equal(plain.report!.graphs.length, 1);
  assert.equal(graph.title, 'y');
  assert.equal(graph.backward, null, 'nothing is recorded unless asked');
  assert.deepEqual(
    graph.nodes.flatMap((n) => (n.kind === 'function' ? [`${n.name} ${n.generation}`] : [])),
    ['Add 2', 'Square 1', 'Square 1', 'Square 0'],
  );

  const recorded = await capture('16/main', true);
  assert.equal(recorded.stdout, expected, 'the replay prints nothing');
  const pass = recorded.report!.graphs[0]!.backward!;
  assert.equal(pass.source, 'program');
  assert.deepEqual(
    pass.steps.map((s) => s.fn.generation),
    [2, 1, 1, 0],
  );
  assert.deepEqual(
    pass.steps.map((s) => s.waiting.map((f) => f.name)),
    [[], ['Square'], ['Square'], []],
  );
  assert.deepEqual(
    pass.steps.at(-1)!.gradients.map((g) => `${g.label}=${g.valueFull}`),
    ['x=64.0'],
  );
});

test("step 24's simple core records its own queue; a program without a graph sends none", async () => {
  const { report } = await capture('24/main', true);
  const graph = report!.graphs[0]!;
  assert.equal(graph.title, 'z');
  assert.equal(graph.backward!.source, 'core');
  assert.equal(graph.backward!.steps.length, graph.totalFunctions);
  const none = await capture('01/main', true);
  assert.equal(none.end, 'done');
  assert.equal(none.report, null);
});
