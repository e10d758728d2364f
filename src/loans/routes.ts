// Mounted at /loans (src/app.ts).
import { createRouter } from '../shared';
import { loanBookRoutes } from './book';
import { loanImportRoutes } from './tape';

// Import routes first: `/import/columns` must win over the book's `/:loanId`.
export const loans = createRouter().route('/', loanImportRoutes).route('/', loanBookRoutes);
