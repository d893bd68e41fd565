import { Body1, Button, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { useRef, useState, type DragEvent, type Ref } from 'react';

const useStyles = makeStyles({
  zone: {
    display: 'flex',
    alignItems: 'center',
    gap: '12px',
    flexWrap: 'wrap',
    padding: '20px',
    border: `2px dashed ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground2,
  },
  over: { border: `2px dashed ${tokens.colorBrandStroke1}`, backgroundColor: tokens.colorBrandBackground2 },
  hidden: { display: 'none' },
});

/** Pick the MIS export with a button, or drop it on the box. */
export function PupilFileDrop({
  fileName,
  disabled,
  onFile,
  chooseRef,
}: {
  fileName?: string;
  disabled: boolean;
  onFile: (file: File) => void;
  chooseRef?: Ref<HTMLButtonElement>;
}) {
  const styles = useStyles();
  const input = useRef<HTMLInputElement>(null);
  const [over, setOver] = useState(false);

  const drop = (event: DragEvent) => {
    event.preventDefault();
    setOver(false);
    const file = event.dataTransfer.files[0];
    if (file && !disabled) onFile(file);
  };

  return (
    <div
      className={mergeClasses(styles.zone, over && styles.over)}
      data-testid="pupil-file-drop"
      onDragOver={(event) => {
        event.preventDefault();
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={drop}
    >
      {/* Focusable while a file is checked, so the focus is not lost from it meanwhile. */}
      <Button ref={chooseRef} appearance="primary" disabledFocusable={disabled} onClick={() => input.current?.click()}>
        Choose CSV file…
      </Button>
      <Body1>
        {fileName ? `File: ${fileName}. Choose or drop another to replace it.` : 'or drop the CSV file exported from your MIS here.'}
      </Body1>
      <input
        ref={input}
        className={styles.hidden}
        type="file"
        accept=".csv,text/csv"
        aria-label="CSV file of pupils"
        onChange={(event) => {
          const file = event.target.files?.[0];
          event.target.value = '';
          if (file) onFile(file);
        }}
      />
    </div>
  );
}
