import { Variable, np, print, utils } from 'dezero/simple';

// A small graph with arrays, so the verbose labels have shapes to show.
const x = new Variable(np.array([1, 2, 3]), 'x');
const w = new Variable(np.array(0.5), 'w');
const y = x.mul(w).add(1);
y.name = 'y';

// NEW: verbose labels say "name: shape dtype"; an unnamed variable shows just its shape and dtype.
print(utils.getDotGraph(y, { verbose: true }));
utils.plotDotGraph(y, { verbose: true, toFile: 'verbose.png' });
