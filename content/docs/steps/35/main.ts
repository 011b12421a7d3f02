import { Variable, F, print, np, utils } from 'dezero';

/** How many distinct functions and variables the graph behind `v` holds. */
function graphSize(v: Variable): { functions: number; variables: number } {
  const functions = new Set<unknown>();
  const variables = new Set<Variable>([v]);
  const todo = v.creator === null ? [] : [v.creator];
  for (let f = todo.pop(); f !== undefined; f = todo.pop()) {
    if (functions.has(f)) continue;
    functions.add(f);
    for (const input of f.inputs) {
      variables.add(input);
      if (input.creator !== null) todo.push(input.creator);
    }
  }
  return { functions: functions.size, variables: variables.size };
}

const x = new Variable(np.array(1.0), 'x');
const y = F.tanh(x);
y.name = 'y';
y.backward({ createGraph: true }); // x.grad: the 1st derivative, with its graph

const iters = 1; // each iteration differentiates once more
for (let i = 0; i < iters; i++) {
  const gx = x.grad!;
  x.cleargrad();
  gx.backward({ createGraph: true });
}

const gx = x.grad!; // derivative number iters + 1
gx.name = `gx${iters + 1}`;
utils.plotDotGraph(gx, { verbose: false, toFile: 'tanh.png' });

// NEW: not in the book: say how big the drawing is.
const { functions, variables } = graphSize(gx);
print(`${gx.name} = ${gx}: ${functions} functions, ${variables} variables`);
