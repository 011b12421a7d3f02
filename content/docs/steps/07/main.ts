import { np, print } from 'dezero';
import type { NDArray } from 'dezero';

class Variable {
  data: NDArray;
  grad: NDArray | null = null;
  // NEW: the function that produced this variable (null for inputs)
  creator: Function | null = null;

  constructor(data: NDArray) {
    this.data = data;
  }

  // NEW
  setCreator(func: Function): void {
    this.creator = func;
  }

  // NEW: hand our gradient to our creator, then let its input do the same.
  backward(): void {
    const f = this.creator;
    if (f !== null) {
      const gy = this.grad;
      if (gy === null) throw new Error('set grad before calling backward()');
      const x = f.input;
      x.grad = f.backward(gy);
      // NOTE: the recursion; it stops at a variable whose creator is null
      x.backward();
    }
  }
}

abstract class Function {
  input!: Variable;
  output!: Variable; // NEW

  call(input: Variable): Variable {
    const x = input.data;
    const y = this.forward(x);
    const output = new Variable(y);
    output.setCreator(this); // NEW: the output remembers who made it
    this.input = input;
    this.output = output; // NEW: and the function remembers what it made
    return output;
  }

  abstract forward(x: NDArray): NDArray;
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

const A = new Square();
const B = new Exp();
const C = new Square();

const x = new Variable(np.array(0.5));
const a = A.call(x);
const b = B.call(a);
const y = C.call(b);

// NEW: one call instead of three; the links decide the order.
y.grad = np.array(1.0);
y.backward();
print(x.grad);
