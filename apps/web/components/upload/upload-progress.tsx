import { percentOf, progressText } from '../../lib/format';

interface UploadProgressProps {
  /** The id of the label, which names the progress bar. */
  labelId: string;
  label: string;
  /** The files' own bytes: the numbers count these, not the form around them. */
  fileBytes: number;
  /** Request-body bytes sent so far and their total; null once every byte is sent. */
  sent: { loaded: number; total: number } | null;
  /** Every byte is sent and the API is still storing: the bar shows it is still working. */
  finishing: boolean;
}

/** The progress of an upload to one of the portal's streaming proxies. */
export function UploadProgress({
  labelId,
  label,
  fileBytes,
  sent,
  finishing,
}: UploadProgressProps) {
  const percent = sent ? percentOf(sent.loaded, sent.total) : 100;
  // The request body is the files plus a little form around them: show file bytes.
  const sentBytes = sent
    ? Math.min(fileBytes, Math.round((sent.loaded / Math.max(sent.total, 1)) * fileBytes))
    : fileBytes;
  const text = progressText(sentBytes, fileBytes);
  return (
    <div className="upload-progress">
      <div className="upload-progress__head">
        <span id={labelId}>{label}</span>
        <span className="upload-progress__numbers" data-testid="upload-progress-text">
          {text}
        </span>
      </div>
      <div
        className={`progress${finishing ? ' progress--finishing' : ''}`}
        role="progressbar"
        aria-labelledby={labelId}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent}
        aria-valuetext={text}
      >
        <div className="progress__bar" style={{ width: `${percent}%` }} />
      </div>
    </div>
  );
}
