/**
 * The course outline: the book's five stages and the title of every step. The one source of truth
 * for the sidebar, the home page and prev/next links (Starlight derives those from the sidebar).
 */

/** A stage of the book: a title and the steps it spans. */
export interface Stage {
  readonly title: string;
  readonly first: number;
  readonly last: number;
}

export const STAGES: readonly Stage[] = [
  { title: 'Stage 1: Automatic differentiation', first: 1, last: 10 },
  { title: 'Stage 2: Natural code', first: 11, last: 24 },
  { title: 'Stage 3: Higher-order derivatives', first: 25, last: 36 },
  { title: 'Stage 4: Neural networks', first: 37, last: 51 },
  { title: 'Stage 5: DeZero challenges', first: 52, last: 60 },
];

/** Short titles of the 60 steps, index 0 is step 1. */
export const STEP_TITLES: readonly string[] = [
  'A variable is a box',
  'Functions that make variables',
  'Chaining functions',
  'Numerical differentiation',
  'Backpropagation in theory',
  'Backprop by hand',
  'Automatic backprop',
  'A loop instead of recursion',
  'Friendlier functions',
  'Testing',
  'Several inputs, several outputs',
  'Calling functions naturally',
  'Backward with several inputs',
  'Using the same variable twice',
  'Complex graphs in theory',
  'Backward in generation order',
  'Memory and reference cycles',
  'Saving memory',
  'A friendlier Variable',
  'Multiplication, and operators as methods',
  'Numbers and arrays as operands',
  'Negation, subtraction, division, powers',
  'Packaging dezero',
  'Differentiating harder functions',
  'Graphs as text (DOT)',
  'Drawing our graphs',
  'Taylor series for sin',
  'Gradient descent on Rosenbrock',
  "Newton's method",
  'Inside forward and backward',
  'The backward pass as a graph',
  'The switch to the full core',
  "Newton's method, second derivative included",
  'Every derivative of sine',
  'Drawing a higher-order graph',
  'More uses of double backprop',
  'Tensors',
  'Reshape and transpose',
  'Sum',
  'Broadcasting',
  'The matrix product',
  'Linear regression',
  'A neural network',
  'Parameters and layers',
  'Models',
  'Optimizers',
  'Softmax and cross-entropy',
  'Multi-class classification',
  'Datasets and transforms',
  'Mini-batches with a DataLoader',
  'MNIST',
  'A faster backend',
  'Saving and loading parameters',
  'Dropout and test mode',
  'Convolution: padding, stride and output size',
  'Channels, batches and pooling',
  'conv2d and pooling',
  'VGG16 and a digit CNN',
  'Recurrent networks',
  'LSTM and batches of sequences',
];

/** Two-digit folder name and URL segment of a step: 1 -> "01". */
export function stepSlug(step: number): string {
  return String(step).padStart(2, '0');
}

/** The stage a step belongs to. */
export function stageOf(step: number): Stage {
  const stage = STAGES.find((s) => step >= s.first && step <= s.last);
  if (!stage) throw new RangeError(`step ${step} is outside the course (1–60)`);
  return stage;
}

/**
 * The steps whose programs import the book's simple core, `'dezero/simple'` (the book's
 * `is_simple_core = True`): gradients are bare arrays until step 32 makes the switch to the full
 * core, `'dezero'`, which every later step imports.
 */
export const SIMPLE_CORE_STEPS = { first: 23, last: 31 } as const;

/** The module a program of `step` imports its core from (step 32 shows both). */
export function coreModule(step: number): 'dezero' | 'dezero/simple' {
  return step >= SIMPLE_CORE_STEPS.first && step <= SIMPLE_CORE_STEPS.last
    ? 'dezero/simple'
    : 'dezero';
}
