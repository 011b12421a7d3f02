// A walk through what 'dezero/simple' exports, file by file. Simple core, like main.
import { Variable, add, pow, noGrad, utils, np, print } from 'dezero/simple';

const x = new Variable(np.array(1.0));

// simple/core.ts: (x + 3)² as methods and as free functions
const a = x.add(3).pow(2);
const b = pow(add(x, 3), 2);
print(a, b);

a.backward();
// NOTE: the gradient is a bare np array, not a Variable: it prints as the number alone.
print(x.grad, x.grad instanceof Variable);

// config.ts: inside noGrad nothing is recorded, so the result has no creator
const d = noGrad(() => x.add(3).pow(2));
print(d, d.creator);

// simple/utils.ts: the central difference of step 4 agrees with backprop
print(utils.numericalDiff((v) => v.add(3).pow(2), x));
