export * from './types';
export * from './registry';
export * from './meta';
export * from './labels';
export * from './quantity';
export * from './duration';
export * from './names';
