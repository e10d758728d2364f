// The door of the data room: the workbook a buyer downloads, its sheets, tape columns and the
// disclosure tier and masks that decide what it shows.
export {
  dataRoomDownloadAudit,
  dataRoomFileName,
  type StartedDownload,
  startDownload,
  streamDataRoom,
} from './data-room-download';
