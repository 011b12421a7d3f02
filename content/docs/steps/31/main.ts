import { Variable, F, print, np, utils } from 'dezero';

// The forward pass: y = sin(x) at x = 1.
const x = new Variable(np.array(1.0), 'x');
const y = F.sin(x);
y.name = 'y';

// Sin's backward rule, gx = gy * cos(x), written out by hand with Variables.
// Because gy and cos(x) are Variables, this computation is a graph of its own.
const gy = new Variable(np.array(1.0), 'gy'); // the seed, dy/dy = 1
const gx = gy.mul(F.cos(x));
gx.name = 'gx';

print('gx =', gx); // dy/dx = cos(1)
print('gx was made by', gx.creator?.constructor.name); // a Variable with a creator

// NEW: gx has a graph, so we can backpropagate through it.
gx.backward();
print('d(gx)/dx =', x.grad); // d²y/dx² = -sin(1)

utils.plotDotGraph(gx, { verbose: false });
