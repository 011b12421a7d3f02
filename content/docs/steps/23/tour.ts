// A walk through what 'dezero' exports, file by file. Full core, like main.
import { Variable, F, add, pow, noGrad, utils, np, print } from 'dezero';

const x = new Variable(np.array(1.0));

// core.ts: (x + 3)² as methods and as free functions
const a = x.add(3).pow(2);
const b = pow(add(x, 3), 2);
// functions.ts: F.square is a Function class of its own
const c = F.square(x.add(3));
print(a, b, c);

c.backward();
// NOTE: the gradient is a Variable; its data is the bare array the simple core would print.
print(x.grad, x.grad!.data);

// config.ts: inside noGrad nothing is recorded, so the result has no creator
const d = noGrad(() => x.add(3).pow(2));
print(d, d.creator);

// utils.ts: the central difference of step 4 agrees with backprop
print(utils.numericalDiff((v) => v.add(3).pow(2), x));
