/** The shapes' own random choices: seeded, apart from fast-check's. */
import { Rng } from '../property/mutate';

/** mulberry32: the property tests' and the fuzzer's generator (`Rng`), as a function. */
export function rng(seed: number): () => number {
  const g = new Rng(seed);
  return () => g.next();
}

export type Rand = () => number;
export const pick = <T>(r: Rand, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
export const chance = (r: Rand, p: number) => r() < p;
