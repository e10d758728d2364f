// The door of this room: what other rooms may use. Everything else here is private.
export { approveWriteOffBatch } from './decide';
export { postWriteOffBatch } from './post';
export { prepareWriteOffBatch } from './prepare';
export { releaseReversedBatch } from './release';
export { writeOffs } from './routes';
