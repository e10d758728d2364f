import { createRouter } from '../shared/router';

export const loanImportRoutes = createRouter();
