import { np, print } from 'dezero';
import type { NDArray } from 'dezero';

// NEW: a Variable is a box with one thing in it, an array called `data`.
class Variable {
  data: NDArray;

  constructor(data: NDArray) {
    this.data = data;
  }
}

const data = np.array(1.0);
const x = new Variable(data);
print(x.data);

// Put something else in the same box.
x.data = np.array(2.0);
print(x.data);
