import { test } from 'node:test';
import assert from 'node:assert/strict';
import { F, Function, Variable, np, testMode, utils } from './index.ts';
import * as simple from './simple/index.ts';
import type { NDArray } from './np/ndarray.ts';
import { setPrintSink } from './print.ts';
import { randomArray, seededRandom } from './gradient-check.ts';

const rand = seededRandom(11);
const any = (shape: number[]): NDArray => randomArray(rand, shape);
const positive = (shape: number[]): NDArray => randomArray(rand, shape, 0.5, 2);

/** What `fn` printed, line by line, and what it returned. */
function printed<T>(fn: () => T): { lines: string[]; value: T } {
  let text = '';
  const previous = setPrintSink((t) => (text += t));
  try {
    const value = fn();
    return { lines: text.split('\n').filter((l) => l !== ''), value };
  } finally {
    setPrintSink(previous);
  }
}

/** Every differentiable function of `F`, with inputs away from its kinks. */
const labels = np.array([2, 0, 1]).astype('int64');
/** Fixed weights, so sum(f(x) * w) reaches every element's gradient with a different factor. */
const weights = new Map<string, NDArray>();
const w = (...shape: number[]): NDArray => {
  const key = shape.join(',');
  if (!weights.has(key)) weights.set(key, any(shape));
  return weights.get(key)!;
};
const cases: Record<string, () => boolean> = {
  square: () => utils.gradientCheck(F.square, any([2, 3])),
  exp: () => utils.gradientCheck(F.exp, any([2, 3])),
  log: () => utils.gradientCheck(F.log, positive([2, 3])),
  sin: () => utils.gradientCheck(F.sin, any([2, 3])),
  cos: () => utils.gradientCheck(F.cos, any([2, 3])),
  tanh: () => utils.gradientCheck(F.tanh, any([2, 3])),
  reshape: () =>
    utils.gradientCheck((x: Variable) => F.reshape(x, [3, 2]).mul(w(3, 2)), any([2, 3])),
  transpose: () => utils.gradientCheck((x: Variable) => F.transpose(x).mul(w(3, 2)), any([2, 3])),
  sum: () => utils.gradientCheck((x: Variable) => F.sum(x, 0).mul(w(3)), any([2, 3])),
  sumTo: () => utils.gradientCheck((x: Variable) => F.sumTo(x, [1, 3]).mul(w(1, 3)), any([2, 3])),
  broadcastTo: () =>
    utils.gradientCheck((x: Variable) => F.broadcastTo(x, [2, 3]).mul(w(2, 3)), any([3])),
  matmul: () => utils.gradientCheck(F.matmul, any([2, 3]), any([3, 4])),
  linear: () => utils.gradientCheck(F.linear, any([2, 3]), any([3, 4]), any([4])),
  linearSimple: () => utils.gradientCheck(F.linearSimple, any([2, 3]), any([3, 4]), any([4])),
  sigmoid: () => utils.gradientCheck(F.sigmoid, any([2, 3])),
  sigmoidSimple: () => utils.gradientCheck(F.sigmoidSimple, any([2, 3])),
  meanSquaredError: () => utils.gradientCheck(F.meanSquaredError, any([4, 1]), any([4, 1])),
  meanSquaredErrorSimple: () =>
    utils.gradientCheck(F.meanSquaredErrorSimple, any([4, 1]), any([4, 1])),
  getItem: () => utils.gradientCheck((x: Variable) => F.getItem(x, 1).mul(w(3)), any([2, 3])),
  clip: () => utils.gradientCheck((x: Variable) => F.clip(x, 0.6, 1.4), positive([2, 3])),
  relu: () => utils.gradientCheck(F.relu, any([2, 3]).add(0.001)),
  softmax: () => utils.gradientCheck((x: Variable) => F.softmax(x).mul(w(3, 3)), any([3, 3])),
  softmaxSimple: () =>
    utils.gradientCheck((x: Variable) => F.softmaxSimple(x).mul(w(3, 3)), any([3, 3])),
  logSoftmax: () => utils.gradientCheck((x: Variable) => F.logSoftmax(x).mul(w(3, 3)), any([3, 3])),
  softmaxCrossEntropy: () =>
    utils.gradientCheck((x: Variable) => F.softmaxCrossEntropy(x, labels), any([3, 3])),
  softmaxCrossEntropySimple: () =>
    utils.gradientCheck((x: Variable) => F.softmaxCrossEntropySimple(x, labels), any([3, 3])),
  im2col: () =>
    utils.gradientCheck(
      (x: Variable) => F.im2col(x, 3, { stride: 2, pad: 1 }).mul(w(8, 18)),
      any([2, 2, 4, 4]),
    ),
  col2im: () =>
    utils.gradientCheck(
      (x: Variable) => F.col2im(x, [1, 2, 4, 4], 3, { stride: 2, pad: 1 }).mul(w(1, 2, 4, 4)),
      any([4, 18]),
    ),
  conv2d: () =>
    utils.gradientCheck(
      (x: Variable, W: Variable, b: Variable) =>
        F.conv2d(x, W, b, { stride: 2, pad: 1 }).mul(w(2, 3, 3, 2)),
      any([2, 2, 5, 4]),
      any([3, 2, 3, 3]),
      any([3]),
    ),
  conv2dSimple: () =>
    utils.gradientCheck(
      (x: Variable, W: Variable, b: Variable) =>
        F.conv2dSimple(x, W, b, { stride: [1, 2], pad: [1, 0] }).mul(w(1, 2, 5, 1)),
      any([1, 2, 5, 4]),
      any([2, 2, 3, 3]),
      any([2]),
    ),
  max: () => utils.gradientCheck((x: Variable) => F.max(x, 1).mul(w(2, 4)), any([2, 3, 4])),
  // Max pooling of distinct values away from 0, so no window's maximum is a tie or the padding.
  pooling: () =>
    utils.gradientCheck(
      (x: Variable) => F.pooling(x, 2, { stride: 2, pad: 1 }).mul(w(1, 2, 3, 3)),
      positive([1, 2, 4, 5]),
    ),
  poolingSimple: () =>
    utils.gradientCheck(
      (x: Variable) => F.poolingSimple(x, [2, 3], { stride: 1 }).mul(w(2, 1, 3, 2)),
      any([2, 1, 4, 4]),
    ),
  averagePooling: () =>
    utils.gradientCheck(
      (x: Variable) => F.averagePooling(x, 2, { stride: 2, pad: 1 }).mul(w(1, 2, 3, 3)),
      any([1, 2, 4, 5]),
    ),
  // In training mode the mask is random at every call, so only test mode has a gradient to check.
  dropout: () => testMode(() => utils.gradientCheck((x: Variable) => F.dropout(x), any([2, 3]))),
};
/** Not functions of Variables with a gradient: a metric, and array kernels of forward passes. */
const notDifferentiable = new Set([
  'accuracy',
  'sigmoidComposed',
  'sigmoidContiguous',
  'sigmoidGradContiguous',
  'softmaxComposed',
  'logsumexp',
  'logsumexpComposed',
]);

test('gradientCheck passes for every function of F, and prints one passing line per input', () => {
  const functions = Object.keys(F).filter(
    (name) => /^[a-z]/.test(name) && !notDifferentiable.has(name),
  );
  assert.deepEqual(Object.keys(cases).sort(), functions.sort(), 'a case for every F function');
  for (const [name, check] of Object.entries(cases)) {
    const { lines, value } = printed(check);
    assert.equal(value, true, `${name}:\n${lines.join('\n')}`);
    assert.ok(lines.length >= 1, name);
    for (const line of lines)
      assert.match(line, /^gradientCheck input \d \(shape .*\): .*: passed$/);
  }
});

class BadSin extends Function {
  override forward(x: NDArray): NDArray {
    return np.sin(x);
  }
  override backward(gy: Variable): Variable {
    return gy.mul(F.sin(this.inputs[0]!)); // NOTE: deliberately sin where cos belongs.
  }
}

test('gradientCheck fails for a broken rule, says which input and shows both gradients', () => {
  const { lines, value } = printed(() =>
    utils.gradientCheck(
      (x: Variable, y: Variable) => new BadSin().call(x).mul(y),
      any([2, 4]),
      any([2, 4]),
    ),
  );
  assert.equal(value, false);
  assert.match(
    lines[0]!,
    /^gradientCheck input 1 \(shape \(2, 4\)\): max abs diff \S+, max rel diff \S+: FAILED$/,
  );
  assert.match(lines[1]!, /^ {2}numerical: \[-?\d.*, \.\.\.\]$/);
  assert.match(lines[2]!, /^ {2}backprop: {2}\[-?\d.*, \.\.\.\]$/);
  // The other input's rule (mul's) is right.
  assert.match(lines[3]!, /^gradientCheck input 2 \(shape \(2, 4\)\): .*: passed$/);
});

test('the tolerances are numpy allclose defaults and can be given last', () => {
  // d/dx of x³ by central differences is 3x² + eps², an error of 1e-8 per element.
  const cube = (x: Variable): Variable => x.mul(x).mul(x);
  const x = np.array([0.001]);
  assert.equal(printed(() => utils.gradientCheck(cube, x)).value, true);
  assert.equal(printed(() => utils.gradientCheck(cube, x, { atol: 1e-9, rtol: 0 })).value, false);
});

// ==== The early steps' own classes ====

/** Step 6's classes: no backward() on Variable; each rule is called by hand. */
class StepVariable {
  data: NDArray;
  grad: NDArray | null = null;
  creator: StepFunction | null = null;
  constructor(data: NDArray) {
    this.data = data;
  }
}
abstract class StepFunction {
  input!: StepVariable;
  call(input: StepVariable): StepVariable {
    this.input = input;
    return new StepVariable(this.forward(input.data));
  }
  abstract forward(x: NDArray): NDArray;
  abstract backward(gy: NDArray): NDArray;
}
class StepSquare extends StepFunction {
  override forward(x: NDArray): NDArray {
    return x.pow(2);
  }
  override backward(gy: NDArray): NDArray {
    return this.input.data.mul(this.broken ? 3 : 2).mul(gy);
  }
  broken = false;
}

test("a step-6 Function object is checked through its own rule, and the program's graph is kept", () => {
  const f = new StepSquare();
  const x = new StepVariable(np.array([0.5, -1.5]));
  f.call(x);
  assert.equal(printed(() => utils.gradientCheck(f, x)).value, true);
  assert.equal(f.input, x, 'the check ran on a copy of the Function');
  f.broken = true;
  const { lines, value } = printed(() => utils.gradientCheck(f, x));
  assert.equal(value, false);
  assert.match(lines[0]!, /FAILED$/);
  assert.match(lines[1]!, /numerical: \[1, -3\]/);
  assert.match(lines[2]!, /backprop: {2}\[1\.5, -4\.5\]/);
});

/** Step 7's Variable: backward() exists but the reader seeds the output's gradient by hand. */
class SeededVariable extends StepVariable {
  backward(): void {
    const f = this.creator as SeededSquare | null;
    if (this.grad === null) throw new Error('set grad before calling backward()');
    if (f === null) return;
    f.input.grad = f.backward(this.grad);
    (f.input as SeededVariable).backward();
  }
}
class SeededSquare extends StepSquare {
  override call(input: StepVariable): SeededVariable {
    this.input = input;
    const y = new SeededVariable(this.forward(input.data));
    y.creator = this;
    return y;
  }
}

test("a step-7 Variable's backward is used, with the output's gradient seeded as the reader does", () => {
  const x = new SeededVariable(np.array(0.8));
  const square = (v: SeededVariable): SeededVariable => new SeededSquare().call(v);
  assert.equal(printed(() => utils.gradientCheck(square, x)).value, true);
  assert.equal(x.grad, null, 'the check works on copies of the inputs');
});

test("the simple core's utils.gradientCheck checks its Variables, gradients as arrays", () => {
  const f = (x: simple.Variable, y: simple.Variable): simple.Variable => x.mul(y).add(x);
  const { lines, value } = printed(() => simple.utils.gradientCheck(f, any([3]), any([3])));
  assert.equal(value, true, lines.join('\n'));
  assert.equal(lines.length, 2);
});
