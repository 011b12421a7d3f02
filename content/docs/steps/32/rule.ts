// A backward rule written the simple core's way, in the full core: it computes on the arrays
// inside the Variables, so createGraph has nothing to record.
import { Variable, Function, np, print } from 'dezero';
import type { NDArray } from 'dezero';

// y = x³, dy/dx = 3x²
class Cube extends Function {
  override forward(x: NDArray): NDArray {
    return x.pow(3);
  }
  override backward(gy: Variable): Variable {
    const x = this.inputs[0]!.data;
    return new Variable(x.pow(2).mul(3).mul(gy.data));
  }
}

const x = new Variable(np.array(3.0), 'x');
const y = new Cube().call(x);
y.backward({ createGraph: true });
const gx = x.grad!;
print("y' =", gx, 'made by', gx.creator?.constructor.name ?? null);

x.cleargrad();
gx.backward();
print("y'' =", x.grad);
