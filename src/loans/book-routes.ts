import { createRouter } from '../shared/router';

export const loanBookRoutes = createRouter();
