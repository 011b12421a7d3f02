// The switch: from this step on, programs import the full core, 'dezero', not 'dezero/simple'.
import { Variable, F, np, print, utils } from 'dezero';

// y = sin(x) at x = 1, with the full core's F.sin: its backward rule is gy.mul(F.cos(x)).
const x = new Variable(np.array(1.0), 'x');
const y = F.sin(x);

// NEW: the backward pass records its own arithmetic, so the gradient is a Variable with a graph.
y.backward({ createGraph: true });
const gx = x.grad!;
gx.name = 'gx';
print('gx =', gx, 'made by', gx.creator?.constructor.name ?? null);
utils.plotDotGraph(gx, { verbose: false }); // the graph that backward built

// That graph can be differentiated like any other: the second derivative, -sin(1).
x.cleargrad();
gx.backward();
print('d(gx)/dx =', x.grad);
