import { createRouter } from '../shared';
import { loanBookRoutes } from './book-routes';
import { loanImportRoutes } from './import-routes';

// Import routes first: `/import/columns` must win over the book's `/:loanId`.
export const loans = createRouter().route('/', loanImportRoutes).route('/', loanBookRoutes);
