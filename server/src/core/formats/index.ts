export * from './types';
export * from './registry';
export * from './describe';
export { SECTIONS, TABLES } from './common';
