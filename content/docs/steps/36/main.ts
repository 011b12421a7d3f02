import { Variable, print, np } from 'dezero';

const x = new Variable(np.array(2.0));
const y = x.pow(2);
y.backward({ createGraph: true });
const gx = x.grad!; // dy/dx = 2x, as a Variable with a graph
x.cleargrad();

// NEW: the gradient is used in the next computation, like any other Variable.
const z = gx.pow(3).add(y);
z.backward();
print(x.grad); // dz/dx = 24x² + 2x
