export * from './fields';
export * from './values';
export * from './row';
export * from './play';
