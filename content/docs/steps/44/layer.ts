// What a Layer counts as its parameters, and when a Linear layer makes its weight.
import { Layer, Parameter, Variable, L, np, print } from 'dezero';

// NEW: a Parameter is a Variable with a different class, so a Layer can tell the two apart.
const p = new Parameter(np.array(2.0));
const v = new Variable(np.array(2.0));
print(p instanceof Variable, p instanceof Parameter, v instanceof Parameter);
print(p.mul(3)); // it computes like any Variable

// A layer with two parameters, a plain Variable and a number.
class Demo extends Layer {
  p1 = new Parameter(np.array(1.0), 'p1');
  p2 = new Parameter(np.array(2.0), 'p2');
  x = new Variable(np.array(3.0), 'x'); // not a Parameter: not counted
  size = 4; // not a Parameter either
}
const demo = new Demo();
// NEW: params() walks the layer's own properties and yields the Parameters among them.
for (const param of demo.params()) print(param.name, param);

// A Linear layer made without an input size has an empty W until its first call.
np.random.seed(0);
const layer = new L.Linear(3);
print('before the first call: W =', layer.W, 'b =', layer.b);
const y = layer.call(np.random.rand(5, 2)); // 5 samples with 2 features each
print('after: W', layer.W.shape, layer.W.dtype, '| b', layer.b!.shape, '| y', y.shape, y.dtype);
print('parameters:', [...layer.params()].map((q) => q.name).join(', '));
