// The door of this room: what other rooms may use. Everything else here is private.
export { approveWriteOffBatch, rejectWriteOffBatch } from './decide';
export { postWriteOffBatch } from './post';
export { prepareWriteOffBatch } from './prepare';
export { releaseWriteOffBatch } from './release';
export { writeOffs } from './routes';
