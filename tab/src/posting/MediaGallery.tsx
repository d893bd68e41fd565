import { Body1, Button, Caption1, Spinner, makeStyles, tokens } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import { download, type Credentials } from '../api';
import { fileUrl, type PostingFile } from './posting-api';

const useStyles = makeStyles({
  gallery: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fill, minmax(min(100%, 280px), 1fr))',
    gap: '16px',
    margin: 0,
    padding: 0,
    listStyleType: 'none',
  },
  figure: {
    margin: 0,
    display: 'flex',
    flexDirection: 'column',
    gap: '6px',
    padding: '8px',
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  media: { width: '100%', maxHeight: '420px', objectFit: 'contain', backgroundColor: tokens.colorNeutralBackground3 },
  placeholder: { padding: '24px 12px', textAlign: 'center', backgroundColor: tokens.colorNeutralBackground3 },
  caption: {
    display: 'flex',
    flexWrap: 'wrap',
    gap: '8px',
    alignItems: 'center',
    justifyContent: 'space-between',
    overflowWrap: 'anywhere',
  },
});

function size(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / (1024 * 1024)).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`;
}

/** Chromium shows JPEG, PNG and MP4 (and often MOV); HEIC it cannot, so that one is offered as a download. */
const SHOWN = new Set(['image/jpeg', 'image/png', 'video/mp4', 'video/quicktime']);

/** The request's photos and videos in full, fetched through the signed-in API. */
export function MediaGallery({
  requestId,
  files,
  credentials,
  onRemove,
}: {
  requestId: string;
  files: PostingFile[];
  credentials: Credentials;
  onRemove?(file: PostingFile): void;
}) {
  const styles = useStyles();
  const live = files.filter((file) => !file.deletedAt);
  const deleted = files.filter((file) => file.deletedAt);
  return (
    <>
      {live.length > 0 && (
        <ul className={styles.gallery} aria-label="Photos and videos" data-testid="media-gallery">
          {live.map((file, index) => (
            <li key={file.id}>
              <figure className={styles.figure}>
                <Shown requestId={requestId} file={file} position={`${index + 1} of ${live.length}`} credentials={credentials} />
                <figcaption className={styles.caption}>
                  <Caption1>
                    {file.name} · {file.label}, {size(file.bytes)}
                  </Caption1>
                  {onRemove && (
                    <Button size="small" aria-label={`Remove ${file.name}`} onClick={() => onRemove(file)}>
                      Remove
                    </Button>
                  )}
                </figcaption>
              </figure>
            </li>
          ))}
        </ul>
      )}
      {deleted.length > 0 && (
        <Body1>
          {deleted.length} file{deleted.length === 1 ? ' was' : 's were'} deleted after the keeping period: the school keeps photos and
          videos only for a short time after a request ends.
        </Body1>
      )}
    </>
  );
}

function Shown({
  requestId,
  file,
  position,
  credentials,
}: {
  requestId: string;
  file: PostingFile;
  position: string;
  credentials: Credentials;
}) {
  const styles = useStyles();
  const [url, setUrl] = useState<string>();
  const [error, setError] = useState<string>();
  const showable = SHOWN.has(file.contentType);
  useEffect(() => {
    if (!showable) return undefined;
    let current: string | undefined;
    let gone = false;
    fileUrl(requestId, file.id, credentials).then(
      (made) => (gone ? URL.revokeObjectURL(made) : setUrl((current = made))),
      (failure: Error) => setError(failure.message),
    );
    return () => {
      gone = true;
      if (current) URL.revokeObjectURL(current);
    };
  }, [requestId, file.id, credentials, showable]);

  if (!showable) {
    return (
      <div className={styles.placeholder} data-testid="media-placeholder">
        <Body1>{file.label}: this browser cannot show it here.</Body1>
        <div>
          <Button size="small" onClick={() => void download(`/api/posting-requests/${requestId}/media/${file.id}`, credentials, file.name)}>
            Download {file.name}
          </Button>
        </div>
      </div>
    );
  }
  if (error) return <Body1 className={styles.placeholder}>{error}</Body1>;
  if (!url) return <Spinner size="small" label={`Loading ${file.name}…`} />;
  return file.kind === 'videos' ? (
    <video
      className={styles.media}
      src={url}
      controls
      preload="metadata"
      aria-label={`Video ${position}: ${file.name}`}
      data-testid="media-video"
    />
  ) : (
    <img className={styles.media} src={url} alt={`Photo ${position}: ${file.name}`} data-testid="media-image" />
  );
}
