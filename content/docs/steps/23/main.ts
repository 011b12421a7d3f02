// From this step on, the classes come from the packaged module instead of being written here.
// 'dezero/simple' is the book's simple core: what steps 1–22 built, with gradients as arrays.
import { Variable, np, print } from 'dezero/simple';

const x = new Variable(np.array(1.0));
const y = x.add(3).pow(2); // (x + 3)²
y.backward();

print(y);
print(x.grad);
