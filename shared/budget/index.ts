export * from './alerts';
export * from './budget';
export * from './calendar';
export * from './dependencies';
export * from './ladder';
export * from './policy';
export * from './rolling';
