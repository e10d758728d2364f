// The door of tracing: the fingerprint each data-room copy carries, the record of who downloaded
// which copy, and reading a leaked file back to its copy.
export { completeDownload, type DownloadRow, insertDownload } from './download-repository';
export { fingerprintOrder, hiddenMark, newFingerprint } from './fingerprint';
export { readLeakedFile } from './leaked-file';
export { traceLeak } from './trace';
