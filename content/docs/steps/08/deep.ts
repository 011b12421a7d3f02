import { np, print } from 'dezero';
import type { NDArray } from 'dezero';

class Variable {
  data: NDArray;
  grad: NDArray | null = null;
  creator: Function | null = null;

  constructor(data: NDArray) {
    this.data = data;
  }

  setCreator(func: Function): void {
    this.creator = func;
  }

  // Step 7: one nested call per function in the chain.
  backwardRecursive(): void {
    const f = this.creator;
    if (f !== null) {
      const gy = this.grad;
      if (gy === null) throw new Error('set grad before calling backward()');
      const x = f.input;
      x.grad = f.backward(gy);
      x.backwardRecursive();
    }
  }

  // Step 8: one loop, however long the chain.
  backward(): void {
    const funcs: Function[] = this.creator === null ? [] : [this.creator];
    for (let f = funcs.pop(); f !== undefined; f = funcs.pop()) {
      const x = f.input;
      const gy = f.output.grad;
      if (gy === null) throw new Error('set grad before calling backward()');
      x.grad = f.backward(gy);
      if (x.creator !== null) funcs.push(x.creator);
    }
  }
}

// #region carried over from step 7
abstract class Function {
  input!: Variable;
  output!: Variable;

  call(input: Variable): Variable {
    const x = input.data;
    const y = this.forward(x);
    const output = new Variable(y);
    output.setCreator(this);
    this.input = input;
    this.output = output;
    return output;
  }

  abstract forward(x: NDArray): NDArray;
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
// #endregion

/** True for the error an engine throws when the call stack runs out. */
function isStackOverflow(e: unknown): boolean {
  // V8 and JavaScriptCore throw a RangeError;
  // Firefox throws an InternalError ("too much recursion").
  return e instanceof RangeError || (e instanceof Error && e.name === 'InternalError');
}

// A chain of 100,000 squares: x → Square → Square → … → y
const n = 100_000;
const x = new Variable(np.array(0.0));
let y = x;
for (let i = 0; i < n; i++) {
  y = new Square().call(y);
}
y.grad = np.array(1.0);

try {
  y.backwardRecursive();
  print('recursion: x.grad =', x.grad);
} catch (e) {
  if (!isStackOverflow(e)) throw e;
  print('recursion: the call stack ran out before reaching x');
}

y.backward();
print('loop: x.grad =', x.grad);
