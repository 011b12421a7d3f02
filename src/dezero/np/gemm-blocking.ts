/**
 * The one blocking constant that every matmul kernel (JS and WebAssembly, float32 and float64)
 * shares, because results depend on it: each entry of C is summed from 0 in k order within a
 * KC-deep panel, and the panels' sums are added to C in order. Keeping it equal everywhere is
 * what makes the backends agree bit for bit. (Tile and block sizes only change speed.)
 */
export const KC = 256;
