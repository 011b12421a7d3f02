import { np, print } from 'dezero';
import type { NDArray } from 'dezero';

class Variable {
  data: NDArray;
  grad: NDArray | null = null;
  creator: Function | null = null;

  constructor(data: NDArray) {
    // NEW: only arrays go in the box; anything else is a mistake
    // we want to hear about now.
    if (!(data instanceof np.ndarray)) {
      throw new TypeError(`${typeof data} is not supported`);
    }
    this.data = data;
  }

  setCreator(func: Function): void {
    this.creator = func;
  }

  backward(): void {
    // NEW: the gradient of y with respect to itself is 1,
    // so no one has to set it by hand.
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

// NEW: forward may compute a plain number; put it back in an array.
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
    // NEW: forward may return a plain number
    const output = new Variable(asArray(y));
    output.setCreator(this);
    this.input = input;
    this.output = output;
    return output;
  }

  // NEW: a number is allowed too
  abstract forward(x: NDArray): NDArray | number;
  abstract backward(gy: NDArray): NDArray;
}

// #region carried over from step 6
class Square extends Function {
  override forward(x: NDArray): NDArray {
    return x.pow(2);
  }

  override backward(gy: NDArray): NDArray {
    const x = this.input.data;
    return x.mul(2).mul(gy);
  }
}

class Exp extends Function {
  override forward(x: NDArray): NDArray {
    return np.exp(x);
  }

  override backward(gy: NDArray): NDArray {
    const x = this.input.data;
    return np.exp(x).mul(gy);
  }
}
// #endregion

// NEW: one plain function per operation, so calls nest the way formulas do.
function square(x: Variable): Variable {
  return new Square().call(x);
}

function exp(x: Variable): Variable {
  return new Exp().call(x);
}

const x = new Variable(np.array(0.5));
const y = square(exp(square(x)));
y.backward(); // NEW: no y.grad to set first
print(x.grad);

new Variable(np.array(1.0)); // fine: an array
try {
  // @ts-expect-error: the types reject a number; so does the constructor.
  new Variable(1.0);
} catch (e) {
  if (!(e instanceof Error)) throw e;
  print(`${e.name}: ${e.message}`);
}
