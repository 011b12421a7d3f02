import { np, print } from 'dezero';
import type { NDArray } from 'dezero';

// #region carried over from step 9 (minus Exp, which these tests do not use)
class Variable {
  data: NDArray;
  grad: NDArray | null = null;
  creator: Function | null = null;

  constructor(data: NDArray) {
    if (!(data instanceof np.ndarray)) {
      throw new TypeError(`${typeof data} is not supported`);
    }
    this.data = data;
  }

  setCreator(func: Function): void {
    this.creator = func;
  }

  backward(): void {
    if (this.grad === null) {
      this.grad = np.onesLike(this.data);
    }

    const funcs: Function[] = this.creator === null ? [] : [this.creator];
    for (let f = funcs.pop(); f !== undefined; f = funcs.pop()) {
      const x = f.input;
      // NOTE: never null here: we seeded this.grad above, and each
      // pass fills in the grad of the next function's output.
      x.grad = f.backward(f.output.grad!);
      if (x.creator !== null) funcs.push(x.creator);
    }
  }
}

function asArray(x: NDArray | number): NDArray {
  if (typeof x === 'number') return np.array(x);
  return x;
}

abstract class Function {
  input!: Variable;
  output!: Variable;

  call(input: Variable): Variable {
    const x = input.data;
    const y = this.forward(x);
    const output = new Variable(asArray(y));
    output.setCreator(this);
    this.input = input;
    this.output = output;
    return output;
  }

  abstract forward(x: NDArray): NDArray | number;
  abstract backward(gy: NDArray): NDArray;
}

class Square extends Function {
  override forward(x: NDArray): NDArray {
    return x.pow(2);
  }

  override backward(gy: NDArray): NDArray {
    const x = this.input.data;
    return x.mul(2).mul(gy);
  }
}

function square(x: Variable): Variable {
  return new Square().call(x);
}
// #endregion

// #region carried over from step 4
function numericalDiff(f: (x: Variable) => Variable, x: Variable, eps = 1e-4): NDArray {
  const x0 = new Variable(x.data.sub(eps));
  const x1 = new Variable(x.data.add(eps));
  const y0 = f(x0);
  const y1 = f(x1);
  return y1.data.sub(y0.data).div(2 * eps);
}
// #endregion

// NEW: a tiny test harness in the spirit of Python's unittest.
class AssertionError extends Error {
  override name = 'AssertionError';
}

let ran = 0;
let failures = 0;

/** Runs one test and prints its name and `ok`, or `FAIL` and why. */
function test(name: string, fn: () => void): void {
  ran += 1;
  try {
    fn();
    print(`${name} ... ok`);
  } catch (e) {
    failures += 1;
    const reason = e instanceof Error ? `${e.name}: ${e.message}` : String(e);
    print(`${name} ... FAIL (${reason})`);
  }
}

/** Passes when both arrays have the same shape and exactly the same values. */
function assertEqual(actual: NDArray | null, expected: NDArray): void {
  const same =
    actual !== null &&
    String(actual.shape) === String(expected.shape) &&
    np.allclose(actual, expected, { rtol: 0, atol: 0 });
  if (!same) throw new AssertionError(`${String(actual)} != ${String(expected)}`);
}

/** Passes when |actual - expected| <= atol + rtol * |expected| everywhere. */
function assertClose(actual: NDArray | null, expected: NDArray, rtol = 1e-5, atol = 1e-8): void {
  if (actual === null || !np.allclose(actual, expected, { rtol, atol })) {
    throw new AssertionError(`${String(actual)} is not close to ${String(expected)}`);
  }
}

/** Prints unittest's closing lines: how many tests ran, then OK or FAILED. */
function summary(): void {
  print();
  print('-'.repeat(70));
  print(`Ran ${ran} test${ran === 1 ? '' : 's'}`);
  print();
  print(failures === 0 ? 'OK' : `FAILED (failures=${failures})`);
}

// NEW: the tests for Square.
test('square: forward', () => {
  const x = new Variable(np.array(2.0));
  const y = square(x);
  assertEqual(y.data, np.array(4.0));
});

test('square: backward', () => {
  const x = new Variable(np.array(3.0));
  const y = square(x);
  y.backward();
  assertEqual(x.grad, np.array(6.0));
});

// NOTE: seeded, so this page prints the same every run;
// the book's test draws a new number each time.
np.random.seed(0);

test('square: gradient check', () => {
  const x = new Variable(np.random.rand(1));
  const y = square(x);
  y.backward();
  const numGrad = numericalDiff(square, x);
  assertClose(x.grad, numGrad);
});

summary();
