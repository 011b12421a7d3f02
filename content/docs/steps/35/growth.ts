import { Variable, F, print, np } from 'dezero';

// #region carried over from main: graphSize
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
// #endregion

const x = new Variable(np.array(1.0), 'x');
const y = F.tanh(x);
y.backward({ createGraph: true });

print('order', 'value at x=1'.padStart(14), 'functions'.padStart(10), 'variables'.padStart(10));
for (let order = 1; order <= 8; order++) {
  const gx = x.grad!; // the derivative of this order
  const { functions, variables } = graphSize(gx);
  const value = gx.data.item().toFixed(6);
  print(
    String(order).padStart(5),
    value.padStart(14),
    String(functions).padStart(10),
    String(variables).padStart(10),
  );
  x.cleargrad();
  gx.backward({ createGraph: true }); // one order higher
}
