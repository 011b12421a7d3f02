import { Variable, Function, np, print, utils } from 'dezero/simple';
import type { NDArray } from 'dezero/simple';

// #region Sin and Cos as the simple core writes them: forward and backward on arrays
class Sin extends Function {
  override forward(x: NDArray): NDArray {
    return np.sin(x);
  }
  override backward(gy: NDArray): NDArray {
    return gy.mul(np.cos(this.inputs[0]!.data));
  }
}

class Cos extends Function {
  override forward(x: NDArray): NDArray {
    return np.cos(x);
  }
  override backward(gy: NDArray): NDArray {
    return gy.mul(np.sin(this.inputs[0]!.data).neg());
  }
}
// #endregion

// The forward pass: y = sin(x) at x = 1.
const x = new Variable(np.array(1.0), 'x');
const y = new Sin().call(x);
y.name = 'y';

// Sin's backward rule, gx = gy * cos(x), written out by hand with Variables instead of arrays.
// Because gy and cos(x) are Variables, this computation is a graph of its own.
const gy = new Variable(np.array(1.0), 'gy'); // the seed, dy/dy = 1
const gx = gy.mul(new Cos().call(x));
gx.name = 'gx';

print('gx =', gx); // dy/dx = cos(1)
print('gx was made by', gx.creator?.constructor.name); // a Variable with a creator

// NEW: gx has a graph, so we can backpropagate through it.
gx.backward();
print('d(gx)/dx =', x.grad); // d²y/dx² = -sin(1)

utils.plotDotGraph(gx, { verbose: false });
