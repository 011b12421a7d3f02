import { Variable, np, print, sub, utils } from 'dezero/simple';

// The Goldstein–Price function, a standard benchmark for optimizers, written with Variables.
// Every +, −, × and power below becomes one function node in the graph.
function goldstein(x: Variable, y: Variable): Variable {
  const a = x.add(y).add(1).pow(2); // (x + y + 1)²
  const b = sub(19, x.mul(14)) // 19 − 14x + 3x² − 14y + 6xy + 3y²
    .add(x.pow(2).mul(3))
    .sub(y.mul(14))
    .add(x.mul(6).mul(y))
    .add(y.pow(2).mul(3));
  const c = x.mul(2).sub(y.mul(3)).pow(2); // (2x − 3y)²
  const d = sub(18, x.mul(32)) // 18 − 32x + 12x² + 48y − 36xy + 27y²
    .add(x.pow(2).mul(12))
    .add(y.mul(48))
    .sub(x.mul(36).mul(y))
    .add(y.pow(2).mul(27));
  return a.mul(b).add(1).mul(c.mul(d).add(30)); // (1 + a·b) · (30 + c·d)
}

const x = new Variable(np.array(1.0));
const y = new Variable(np.array(1.0));
const z = goldstein(x, y);
z.backward();
print('z', z);
print('x.grad', x.grad, 'y.grad', y.grad);

// NEW: names label the nodes; verbose: false leaves the other labels empty.
x.name = 'x';
y.name = 'y';
z.name = 'z';
utils.plotDotGraph(z, { verbose: false, toFile: 'goldstein.png' });

// What the drawing holds: one box per function, counted by kind from the DOT text.
const dot = utils.getDotGraph(z, { verbose: false });
const boxes = new Map<string, number>();
for (const [, kind] of dot.matchAll(/label="(\w+)", color=lightblue/g)) {
  boxes.set(kind!, (boxes.get(kind!) ?? 0) + 1);
}
const counts = [...boxes].sort().map(([kind, n]) => `${kind} ${n}`);
print('function boxes:', counts.join(', '));
