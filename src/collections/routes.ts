import { createRouter } from '../shared/router';

export const collections = createRouter();
