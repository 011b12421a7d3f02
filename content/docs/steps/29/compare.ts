import { Variable, np, print } from 'dezero/simple';
import type { NDArray } from 'dezero/simple';

function f(x: Variable): Variable {
  return x.pow(4).sub(x.pow(2).mul(2));
}

function gx2(x: NDArray): NDArray {
  return x.pow(2).mul(12).sub(4);
}

// One step of each method: both use f'(x) from backprop, only Newton's divides by f''(x).
function gradientDescentStep(x: Variable, lr: number): void {
  const y = f(x);
  x.cleargrad();
  y.backward();
  x.data = x.data.sub(x.grad!.mul(lr));
}

function newtonStep(x: Variable): void {
  const y = f(x);
  x.cleargrad();
  y.backward();
  x.data = x.data.sub(x.grad!.div(gx2(x.data)));
}

// Counts the steps until x stops changing: it has landed on a fixed point (here x = 1).
function stepsToConverge(step: (x: Variable) => void): [number, Variable] {
  const x = new Variable(np.array(2.0));
  for (let i = 1; i <= 100_000; i++) {
    const before = x.data.item();
    step(x);
    if (x.data.item() === before) return [i - 1, x];
  }
  return [Infinity, x];
}

const [newtonSteps, xNewton] = stepsToConverge(newtonStep);
print("Newton's method:", newtonSteps, 'steps, x =', xNewton);

for (const lr of [0.01, 0.05]) {
  const [steps, x] = stepsToConverge((x) => gradientDescentStep(x, lr));
  print(`gradient descent, lr ${lr}:`, steps, 'steps, x =', x);
}
