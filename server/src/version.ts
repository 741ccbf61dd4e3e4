/**
 * The version, from package.json and nowhere else: esbuild bundles the one field it reads (the
 * rest of the manifest stays out of the bundle), and the tests, run from source, read the file.
 */
import { version } from '../../package.json';

export const VERSION: string = version;
