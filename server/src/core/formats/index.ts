export * from './types';
export * from './registry';
export { SECTIONS, TABLES } from './common';
