import { Variable, F, np, print } from 'dezero';

// Forward: y = sin(x). The Function in the middle links the two variables.
const x = new Variable(np.array(1.0), 'x');
const y = F.sin(x);
y.name = 'y';
const f = y.creator!;
const name = (v: Variable): string | null => v.name;

print('x: data', x.data, 'grad', x.grad, 'creator', x.creator, 'generation', x.generation);
print('y: data', y.data, 'grad', y.grad, 'creator', f.constructor.name, 'generation', y.generation);
print(f.constructor.name + ': inputs', f.inputs.map(name), 'outputs', f.outputs.map(name));
print(f.constructor.name + ': generation', f.generation);

// Backward as usual: the gradient is computed, but nothing records how.
y.backward();
print('plain backward:    x.grad', x.grad, 'creator', x.grad!.creator);

// NEW: the same backward pass, recorded as a graph of its own.
x.cleargrad();
y.backward({ createGraph: true });
const mul = x.grad!.creator!;
print('createGraph: true: x.grad', x.grad, 'creator', mul.constructor.name);

const [gy, cosx] = mul.inputs as [Variable, Variable];
const cos = cosx.creator!;
print('  Mul inputs:', gy, 'and', cosx, 'made by', cos.constructor.name);
print(`  ${cos.constructor.name} input is x:`, cos.inputs[0] === x);
