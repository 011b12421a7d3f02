import { Variable, np, print, plt } from 'dezero/simple';

function rosenbrock(x0: Variable, x1: Variable): Variable {
  return x1.sub(x0.pow(2)).pow(2).mul(100).add(x0.sub(1).pow(2));
}

const x0 = new Variable(np.array(0.0));
const x1 = new Variable(np.array(2.0));
const lr = 0.001;
const iters = 50_000;

// Where the point has been: every position at first (it moves fast), then every 100th.
const path0: number[] = [];
const path1: number[] = [];
const checkpoints = new Set([1000, 2000, 5000, 10_000, 20_000, 50_000]);

print('iteration', 'x0', 'x1', 'y');
for (let i = 0; i <= iters; i++) {
  const y = rosenbrock(x0, x1);
  if (i < 200 || i % 100 === 0) {
    path0.push(x0.data.item());
    path1.push(x1.data.item());
  }
  if (i === 0 || checkpoints.has(i)) print(i, x0.data, x1.data, y.data);
  if (i === iters) break;

  x0.cleargrad();
  x1.cleargrad();
  y.backward();
  x0.data = x0.data.sub(x0.grad!.mul(lr));
  x1.data = x1.data.sub(x1.grad!.mul(lr));
}

// The landscape: contour lines of y on a grid, closer together where the walls are steep.
const [X0, X1] = np.meshgrid(np.linspace(-1, 1.5, 101), np.linspace(-0.5, 2.5, 101));
const Y = X1!.sub(X0!.pow(2)).pow(2).mul(100).add(X0!.sub(1).pow(2));
plt.contour(X0!, X1!, Y, { levels: [0.25, 1, 4, 16, 64, 256], colors: 'lightgray', linewidths: 1 });

// The valley floor, x1 = x0², where the first term of the function is zero.
const floor0 = np.linspace(-1, 1.5, 51);
plt.plot(floor0, floor0.pow(2), '--', { label: 'valley floor x1 = x0²', color: 'gray' });
plt.plot(path0, path1, { label: 'gradient descent, lr 0.001' });
plt.scatter([0], [2], { label: 'start (0, 2)' });
plt.scatter([1], [1], { label: 'minimum (1, 1)', marker: '*', s: 150 });
plt.xlabel('x0');
plt.ylabel('x1');
plt.xlim(-1, 1.5);
plt.ylim(-0.5, 2.5);
plt.legend({ loc: 'upper right' });
plt.show();
