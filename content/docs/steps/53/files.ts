// numpy's two file formats: .npy holds one array, .npz several, each under a name.
import { np, print } from 'dezero';

const x = np.array([1, 2, 3]);
np.save('test.npy', x);
print(np.load('test.npy'));

// Python's np.savez('test.npz', x1=x1, x2=x2): the names and arrays as one object.
const x1 = np.array([1, 2, 3]);
const x2 = np.array([4, 5, 6]);
np.savez('test.npz', { x1, x2 });

const arrays = np.load('test.npz');
print(arrays.files.join(', '));
print(arrays.get('x1'), arrays.get('x2'));
