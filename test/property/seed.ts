/**
 * The properties run from a fixed seed under `npm test`, so that CI is reproducible; exploring new
 * cases is the fuzzer's job (`npm run fuzz`). `PROPERTY_SEED=random` (or a number) explores here too;
 * a failure prints its seed and path, to replay with that seed.
 */
import fc from 'fast-check';

const env = process.env.PROPERTY_SEED;
export const PROPERTY_SEED = env === 'random' ? (Date.now() ^ Math.floor(Math.random() * 2 ** 31)) >>> 0 : Number(env ?? 20261122);
fc.configureGlobal({ seed: PROPERTY_SEED });
