import { np, print } from 'dezero';
import type { NDArray } from 'dezero';

class Variable {
  data: NDArray;
  // NEW: the derivative of the final output with respect to this variable
  grad: NDArray | null = null;

  constructor(data: NDArray) {
    this.data = data;
  }
}

// NOTE: shadows JavaScript's global `Function`, in this program only.
abstract class Function {
  input!: Variable; // NEW: set by call(), read by backward()

  call(input: Variable): Variable {
    const x = input.data;
    const y = this.forward(x);
    const output = new Variable(y);
    this.input = input; // NEW: keep the input; backward needs its value
    return output;
  }

  abstract forward(x: NDArray): NDArray;

  // NEW: given dL/dy, the gradient of this function's output, return dL/dx.
  abstract backward(gy: NDArray): NDArray;
}

class Square extends Function {
  override forward(x: NDArray): NDArray {
    return x.pow(2);
  }

  // NEW: d(x²)/dx = 2x, times the gradient that arrives from above.
  override backward(gy: NDArray): NDArray {
    const x = this.input.data;
    return x.mul(2).mul(gy);
  }
}

class Exp extends Function {
  override forward(x: NDArray): NDArray {
    return np.exp(x);
  }

  // NEW: d(eˣ)/dx = eˣ, times the gradient that arrives from above.
  override backward(gy: NDArray): NDArray {
    const x = this.input.data;
    return np.exp(x).mul(gy);
  }
}

const A = new Square();
const B = new Exp();
const C = new Square();

// Forward: x → A → a → B → b → C → y
const x = new Variable(np.array(0.5));
const a = A.call(x);
const b = B.call(a);
const y = C.call(b);

// Backward, by hand, in the reverse order: C, then B, then A.
y.grad = np.array(1.0);
b.grad = C.backward(y.grad);
a.grad = B.backward(b.grad);
x.grad = A.backward(a.grad);
print(x.grad);
