/**
 * The errors a reader meets, as the runner shows them: the message (which must say what went
 * wrong and what to write instead) and the line in the reader's program.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as dezero from './index.ts';
import { F, Function, Variable, np, utils } from './index.ts';
import type { NDArray } from './index.ts';
import { execute } from '../runner/execute.ts';

/** Runs a program through the runner with the real `dezero`; the error it reports. */
async function runError(
  lines: string[],
): Promise<{ name: string; message: string; line: number | null }> {
  const error = await execute(["import { Variable, F, np } from 'dezero';", ...lines].join('\n'), {
    modules: { dezero },
    write: () => {},
  });
  assert.ok(error !== null, 'the program should fail');
  return { name: error.name, message: error.message, line: error.line };
}

test("a shape mismatch names the operation and both shapes, at the reader's line", async () => {
  // NOTE: browsers keep 10 stack frames; the runner finds the reader's line only within them.
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = 10;
  try {
    const setup = [
      'const a = new Variable(np.ones([2, 3]));',
      'const b = new Variable(np.ones([2]));',
    ];
    // The text after the operation's name is np's (numpy's wording, owned by np's tests).
    const add = await runError([...setup, 'const y = a.add(b);']);
    assert.deepEqual([add.name, add.line], ['RangeError', 4]);
    assert.match(
      add.message,
      /^Add: operands could not be broadcast together with shapes \(2,3\) \(2,\)/,
    );
    const mul = await runError([...setup, '', 'F.sum(a.mul(np.ones([4])));']);
    assert.equal(mul.line, 5);
    assert.match(
      mul.message,
      /^Mul: operands could not be broadcast together with shapes \(2,3\) \(4,\)/,
    );
    for (const call of [
      'F.sum(a, 3)',
      'F.reshape(a, [4])',
      'F.transpose(a, [0, 0])',
      'F.sumTo(a, [5])',
    ]) {
      const error = await runError([...setup, `const y = ${call};`]);
      assert.equal(error.line, 4, `${call}: ${error.message}`);
      assert.match(error.message, /^(Sum|Reshape|Transpose|SumTo): /);
    }
  } finally {
    Error.stackTraceLimit = limit;
  }
});

test('an error inside a forward keeps its own line, and its stack shows the named message', () => {
  class Boom extends Function {
    override forward(_x: NDArray): NDArray {
      const error = new RangeError('boom');
      void error.stack; // V8 has now written the stack's first line with the old message
      throw error;
    }
  }
  const error = captured(() => new Boom().call(1));
  assert.equal(error.message, 'Boom: boom');
  assert.ok(error.stack!.startsWith('RangeError: Boom: boom\n'), error.stack);
  assert.match(error.stack!, /core-errors\.test\.ts/);
  // A nested call names the operation once.
  class Outer extends Function {
    override forward(x: NDArray): NDArray {
      return new Boom().call(x).data;
    }
  }
  assert.equal(captured(() => new Outer().call(1)).message, 'Boom: boom');
});

test('new Variable(1.0) and friends say what to write instead', () => {
  const message = (data: unknown): string => captured(() => new Variable(data as NDArray)).message;
  assert.equal(
    message(1.0),
    'number is not supported: wrap it in an np array, e.g. new Variable(np.array(1))',
  );
  assert.equal(
    message([1, 2]),
    'Array is not supported: wrap it in an np array, e.g. new Variable(np.array([...]))',
  );
  assert.equal(
    captured(() => new Variable(null, 'W').data).message,
    "variable 'W' holds no data (null): give it an array first, e.g. x.data = np.zeros([2, 3]); x.hasData tells whether it has one",
  );
  assert.equal(
    message(new Float64Array(2)),
    'Float64Array is not supported: wrap it in an np array, e.g. new Variable(np.array(...))',
  );
  assert.ok(captured(() => new Variable(1 as unknown as NDArray)) instanceof TypeError);
});

test("Python's x.data -= lr * x.grad.data fails at that line, not three calls later", async () => {
  const error = await runError([
    'const x = new Variable(np.array(2));',
    'F.square(x).backward();',
    '(x as any).data -= x.grad!.data.mul(0.1);',
  ]);
  assert.equal(error.line, 4);
  assert.equal(
    error.message,
    'number is not supported: Variable.data holds an np array; compute the new one with array methods, e.g. x.data = x.data.sub(x.grad.data.mul(lr))',
  );
  const x = new Variable(np.array(2));
  x.data = x.data.sub(1);
  assert.deepEqual(x.data.tolist(), 1);
});

test('pow takes a constant exponent and says so', () => {
  const x = new Variable(np.array(2));
  const error = captured(() => x.pow(x as unknown as number));
  assert.ok(error instanceof TypeError);
  assert.equal(error.message, 'Pow: the exponent must be a number (a constant c), not Variable');
});

test('a backward that returns a gradient of the wrong shape is named with both shapes', () => {
  class Total extends Function {
    override forward(x: NDArray): NDArray {
      return x.sum();
    }
    override backward(gy: Variable): Variable {
      return F.broadcastTo(gy, [4]); // wrong: the input has 3 elements
    }
  }
  const x = new Variable(np.ones([3]));
  const error = captured(() => new Total().call(x).backward());
  assert.ok(error instanceof RangeError);
  assert.equal(
    error.message,
    'Total.backward returned a gradient of shape (4,) for input 0 of shape (3,)',
  );
});

test('utils.sumTo refuses a shape the array cannot be summed to (DeZero returns a wrong shape)', () => {
  assert.throws(() => utils.sumTo(np.ones([2, 3]), [5]), {
    name: 'RangeError',
    message: 'cannot sum shape (2, 3) to (5,)',
  });
  assert.throws(() => utils.sumTo(np.ones([3]), [2, 3]), {
    message: 'cannot sum shape (3,) to (2, 3)',
  });
  assert.deepEqual(utils.sumTo(np.ones([2, 3]), [1, 3]).tolist(), [[2, 2, 2]]);
});

function captured(fn: () => unknown): Error {
  try {
    fn();
  } catch (error) {
    assert.ok(error instanceof Error);
    return error;
  }
  assert.fail('expected an error');
}
