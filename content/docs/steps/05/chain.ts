import { np, print } from 'dezero';

// y = C(B(A(x))) with A: a = x², B: b = eᵃ, C: y = b², at x = 0.5.
// Forward: compute every intermediate value and keep it.
const x = np.array(0.5);
const a = x.pow(2);
const b = np.exp(a);
const y = b.pow(2);

// Each function's own derivative, at the values the forward pass kept.
const dA = x.mul(2); // A'(x) = 2x
const dB = np.exp(a); // B'(a) = eᵃ
const dC = b.mul(2); // C'(b) = 2b

// Backward: start from dy/dy = 1, then multiply in one local
// derivative per step, from the output back to the input.
const gy = np.array(1.0);
const gb = gy.mul(dC); // dy/db
const ga = gb.mul(dB); // dy/da
const gx = ga.mul(dA); // dy/dx

print('y     =', y);
print('dy/dy =', gy);
print('dy/db =', gb);
print('dy/da =', ga);
print('dy/dx =', gx);
