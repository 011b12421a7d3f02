import { Variable, Function, Config, print, np } from 'dezero';
import type { NDArray } from 'dezero';

// NOTE: `Function` here is dezero's base class (it shadows JavaScript's global Function).
// Spy passes values through unchanged and reports the switch backward() set for it.
class Spy extends Function {
  override forward(x: NDArray): NDArray {
    return x;
  }
  override backward(gy: Variable): Variable {
    print('  Spy.backward runs with Config.enableBackprop =', Config.enableBackprop);
    return gy;
  }
}

/** The distinct functions in the graph behind `v`: what keeping that graph costs. */
function countFunctions(v: Variable): number {
  const seen = new Set<unknown>();
  const todo = v.creator === null ? [] : [v.creator];
  for (let f = todo.pop(); f !== undefined; f = todo.pop()) {
    if (seen.has(f)) continue;
    seen.add(f);
    for (const input of f.inputs) if (input.creator !== null) todo.push(input.creator);
  }
  return seen.size;
}

// y = x⁴ − 2x² at x = 2 (the function of step 29), with a Spy right after x.
const x = new Variable(np.array(2.0), 'x');
const s = new Spy().call(x);
const y = s.pow(4).sub(s.pow(2).mul(2));
print('forward: y =', y, 'from a graph of', countFunctions(y), 'functions');

print('y.backward()');
y.backward();
print('  gx =', x.grad, 'creator:', x.grad?.creator?.constructor.name ?? null);

x.cleargrad();
print('y.backward({ createGraph: true })'); // NEW: the option of this step
y.backward({ createGraph: true });
const gx = x.grad!;
print('  gx =', gx, 'creator:', gx.creator?.constructor.name ?? null);
print('  the graph behind gx has', countFunctions(gx), 'functions');

print('after backward, Config.enableBackprop =', Config.enableBackprop);
