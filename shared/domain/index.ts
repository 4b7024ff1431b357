export * from './percent';
export * from './tiers';
export * from './types';
export * from './validation';
export * from './window';
