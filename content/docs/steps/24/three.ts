// The three test functions side by side: value and gradient at (1, 1), then at each known minimum.
// Simple core from 'dezero/simple': the values are Variables, the gradients bare arrays.
import { Variable, sub, np, print } from 'dezero/simple';

// x² + y²
function sphere(x: Variable, y: Variable): Variable {
  return x.pow(2).add(y.pow(2));
}

// 0.26 (x² + y²) − 0.48 xy
function matyas(x: Variable, y: Variable): Variable {
  return x.pow(2).add(y.pow(2)).mul(0.26).sub(x.mul(y).mul(0.48));
}

// #region goldstein, as in main
function goldstein(x: Variable, y: Variable): Variable {
  const a = x.add(y).add(1).pow(2);
  const b = sub(19, x.mul(14))
    .add(x.pow(2).mul(3))
    .sub(y.mul(14))
    .add(x.mul(y).mul(6))
    .add(y.pow(2).mul(3));
  const c = x.mul(2).sub(y.mul(3)).pow(2);
  const d = sub(18, x.mul(32))
    .add(x.pow(2).mul(12))
    .add(y.mul(48))
    .sub(x.mul(y).mul(36))
    .add(y.pow(2).mul(27));
  return a.mul(b).add(1).mul(c.mul(d).add(30));
}
// #endregion

type TestFunction = (x: Variable, y: Variable) => Variable;

// Evaluates f at (x0, y0) and prints the value, then both partial derivatives on a line below.
function report(name: string, f: TestFunction, x0: number, y0: number): void {
  const x = new Variable(np.array(x0));
  const y = new Variable(np.array(y0));
  const z = f(x, y);
  z.backward();
  print(`${name}(${x0}, ${y0}) =`, z);
  print('  grad:', x.grad, y.grad);
}

report('sphere', sphere, 1, 1);
report('sphere', sphere, 0, 0);
report('matyas', matyas, 1, 1);
report('matyas', matyas, 0, 0);
report('goldstein', goldstein, 1, 1);
report('goldstein', goldstein, 0, -1);
