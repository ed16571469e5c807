export * from './search-fold.util';
