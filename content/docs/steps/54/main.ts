// Dropout while training, and the same call in test mode.
import { F, np, print, testMode } from 'dezero';

np.random.seed(0); // the book does not seed: we do, so the mask below is the same at every run

const x = np.ones(5);
print(x);

// NEW: in training mode (the default), each element is kept with probability 0.5 and doubled.
let y = F.dropout(x);
print(y);

// NEW: in test mode, dropout passes x through unchanged.
testMode(() => {
  y = F.dropout(x);
  print(y);
});
