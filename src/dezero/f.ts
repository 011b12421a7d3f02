/**
 * `F`, every function of `dezero`, as the book's `import dezero.functions as F`: the basics and
 * the tensor operations in `functions.ts`, the classification functions of steps 47–50
 * (`getItem`, `softmax`, `softmaxCrossEntropy`, `accuracy`, …) in `functions-nn.ts`, and the
 * convolution functions of step 57 (`im2col`, `col2im`, `conv2d`, `pooling`, …) in
 * `functions-conv.ts`, and `dropout` (step 54) in `functions-dropout.ts`.
 */
export * from './functions.ts';
export * from './functions-nn.ts';
export * from './functions-conv.ts';
export * from './functions-dropout.ts';
