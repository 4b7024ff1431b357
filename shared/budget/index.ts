export * from './budget';
export * from './ladder';
