// From this step on, the classes come from the packaged module instead of being written here.
// This is the full core: gradients are Variables (see the lesson on the book's "simple core").
import { Variable, np, print } from 'dezero';

const x = new Variable(np.array(1.0));
const y = x.add(3).pow(2); // (x + 3)²
y.backward();

print(y);
print(x.grad);
