import { np, print } from 'dezero';
import type { NDArray } from 'dezero';

class Variable {
  // #region carried over from step 7
  data: NDArray;
  grad: NDArray | null = null;
  creator: Function | null = null;

  constructor(data: NDArray) {
    this.data = data;
  }

  setCreator(func: Function): void {
    this.creator = func;
  }
  // #endregion

  // NEW: a loop over a stack of functions still to visit,
  // instead of a recursive call.
  backward(): void {
    const funcs: Function[] = this.creator === null ? [] : [this.creator];
    // NOTE: pop() gives undefined on an empty stack; that ends the loop.
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

const A = new Square();
const B = new Exp();
const C = new Square();

const x = new Variable(np.array(0.5));
const a = A.call(x);
const b = B.call(a);
const y = C.call(b);

y.grad = np.array(1.0);
y.backward();
print(x.grad);
