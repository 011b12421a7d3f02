// The simple core from 'dezero/simple': gradients are bare arrays, so they print as numbers.
import { Variable, sub, np, print } from 'dezero/simple';

// The Goldstein–Price function, one factor at a time:
// [1 + a·b] · [30 + c·d]
function goldstein(x: Variable, y: Variable): Variable {
  // a = (x + y + 1)²
  const a = x.add(y).add(1).pow(2);
  // b = 19 − 14x + 3x² − 14y + 6xy + 3y²
  // NOTE: a number cannot start a method chain, so 19 − 14x is the free function sub(19, 14x).
  const b = sub(19, x.mul(14))
    .add(x.pow(2).mul(3))
    .sub(y.mul(14))
    .add(x.mul(y).mul(6))
    .add(y.pow(2).mul(3));
  // c = (2x − 3y)²
  const c = x.mul(2).sub(y.mul(3)).pow(2);
  // d = 18 − 32x + 12x² + 48y − 36xy + 27y²
  const d = sub(18, x.mul(32))
    .add(x.pow(2).mul(12))
    .add(y.mul(48))
    .sub(x.mul(y).mul(36))
    .add(y.pow(2).mul(27));
  return a.mul(b).add(1).mul(c.mul(d).add(30));
}

const x = new Variable(np.array(1.0));
const y = new Variable(np.array(1.0));
const z = goldstein(x, y);
z.backward();
print(x.grad, y.grad);
