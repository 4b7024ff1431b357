import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { SliKind } from '#shared/domain/types';
import type { TextEncodingName } from '#shared/importers/csv/decode';
import type { ImportPreview, ImportSummary } from '#shared/ipc/contract';
import type { AppError, Result } from '#shared/ipc/errors';
import { Modal } from '../../components/Modal';
import { trapTab } from '../../components/trap-tab';
import { useApp } from '../../store/context';
import { fileImportArgs, initialDraft, localTimeZone, type FileDraft } from './import-model';
import { PreviewStep } from './PreviewStep';
import { ProgressStep } from './ProgressStep';
import { initialPromDraft, promImportArgs, type PromDraft } from './prometheus-model';
import { ResultStep } from './ResultStep';
import { SourceStep, type SourceKind } from './SourceStep';
import { useImportJob } from './useImportJob';

type Props = { sliId: number; sliName: string; sliKind: SliKind; serviceName: string; onClose(): void; onImported?(summary: ImportSummary): void };
type Step = 'source' | 'preview' | 'running' | 'result';

const TITLES: Record<Step, string> = { source: 'Source', preview: 'Preview & mapping', running: 'Importing', result: 'Result' };

/**
 * The import wizard: a source (file or live Prometheus), the file's preview and column mapping, the running import with
 * progress and Cancel, and the result. Closing it while an import runs cancels the import. onImported is called as
 * soon as an import is stored; the wizard stays open on its result until the user closes it.
 */
export function ImportWizard({ sliId, sliName, sliKind, serviceName, onClose, onImported }: Props) {
  const client = useApp((s) => s.client);
  const ownChange = useApp((s) => s.ownChange);
  const timeZone = useMemo(() => localTimeZone(), []);
  const [source, setSource] = useState<SourceKind>('file');
  const [step, setStep] = useState<Step>('source');
  const [file, setFile] = useState<{ path: string; preview: ImportPreview } | null>(null);
  const [draft, setDraft] = useState<FileDraft | null>(null);
  const [prom, setProm] = useState<PromDraft>(() => initialPromDraft(Date.now(), timeZone));
  const [pickError, setPickError] = useState<AppError | null>(null);
  const [previewing, setPreviewing] = useState(false);
  const [outcome, setOutcome] = useState<Result<ImportSummary> | null>(null);
  const [duplicateAt, setDuplicateAt] = useState<number | null | undefined>(undefined);
  const [cancelling, setCancelling] = useState(false);
  const job = useImportJob(client);

  // Modal re-focuses its first control whenever onClose changes, so it gets one stable function that reads the latest state.
  const closeNow = useRef(onClose);
  useLayoutEffect(() => {
    closeNow.current = () => {
      if (job.running) job.cancel();
      onClose();
    };
  });
  const close = useCallback(() => closeNow.current(), []);

  const heading = useRef<HTMLHeadingElement>(null);
  // Only a change of step moves focus (to its title); on opening, Modal focuses the first control.
  const focusedStep = useRef(step);
  useEffect(() => {
    if (focusedStep.current === step) return;
    focusedStep.current = step;
    heading.current?.focus();
  }, [step]);

  const pick = useCallback(
    async (path: string, encoding?: TextEncodingName) => {
      setPickError(null);
      setPreviewing(true);
      const result = await client.invoke('import/preview', { path, ...(encoding ? { encoding } : {}) });
      setPreviewing(false);
      if (!result.ok) return setPickError(result.error);
      setFile({ path, preview: result.value });
      setDraft(initialDraft(result.value));
      setStep('preview');
    },
    [client],
  );
  const pickFailed = useCallback((error: AppError) => setPickError(error), []);

  const runImport = async (call: (jobId: string) => Promise<Result<ImportSummary>>) => {
    setStep('running');
    setCancelling(false);
    const show = (result: Result<ImportSummary>) => {
      if (result.ok && result.value.status === 'stored') onImported?.(result.value);
      setOutcome(result);
      setStep('result');
      return result;
    };
    // A stored import is announced as history-changed: the History screen behind the wizard refreshes once, after the
    // result is shown.
    const stored = (summary: ImportSummary) => summary.status === 'stored';
    const result = await job.run((jobId) => ownChange('history-changed', { sliId }, async () => show(await call(jobId)), stored));
    if (result.ok && result.value.status === 'duplicate') {
      setDuplicateAt(undefined);
      const listing = await client.invoke('import/list', { sliId });
      const earlier = listing.ok ? listing.value.find((l) => l.id === result.value.importId) : undefined;
      setDuplicateAt(earlier?.finishedAt ?? null);
    }
  };

  const startFile = () => {
    if (!file || !draft) return null;
    const checked = fileImportArgs(file.preview, draft, { sliId, path: file.path, jobId: 'pending', sliKind });
    if (!checked.ok) return checked.errors;
    void runImport((jobId) => client.invoke('import/file', { ...checked.args, jobId }));
    return null;
  };
  const startProm = () => {
    const checked = promImportArgs(prom, { sliId, jobId: 'pending', timeZone });
    if (!checked.ok) return checked.errors;
    void runImport((jobId) => client.invoke('import/prometheus', { ...checked.args, jobId }));
    return null;
  };
  const back = () => setStep(source === 'file' && file ? 'preview' : 'source');
  const steps: Step[] = source === 'file' ? ['source', 'preview', 'running', 'result'] : ['source', 'running', 'result'];

  return (
    <Modal title="Import history" onClose={close} testId="import-wizard">
      <div className="import-wizard" onKeyDown={trapTab}>
        <p className="import-target">
          Into <strong>{serviceName}</strong> › <strong>{sliName}</strong>
        </p>
        <ol className="import-steps" aria-label="Steps">
          {steps.map((s, i) => (
            <li key={s} aria-current={s === step ? 'step' : undefined}>
              {i + 1}. {TITLES[s]}
            </li>
          ))}
        </ol>
        <h3 className="import-step-title" tabIndex={-1} ref={heading}>
          {TITLES[step]}
        </h3>
        {step === 'source' ? (
          <SourceStep
            source={source}
            onSource={(s) => {
              setSource(s);
              setPickError(null);
            }}
            previewing={previewing}
            error={pickError}
            onPick={(path) => void pick(path)}
            onPickError={pickFailed}
            prom={prom}
            timeZone={timeZone}
            onProm={setProm}
            onPromStart={startProm}
            onClose={close}
          />
        ) : null}
        {step === 'preview' && file && draft ? (
          <PreviewStep
            preview={file.preview}
            draft={draft}
            latencySli={sliKind === 'latency'}
            onChange={setDraft}
            onEncoding={(encoding) => void pick(file.path, encoding)}
            onBack={() => setStep('source')}
            onStart={startFile}
            onClose={close}
          />
        ) : null}
        {step === 'running' ? (
          <ProgressStep
            what={source === 'file' && file ? file.preview.fileName : `from ${prom.url}`}
            progress={job.progress}
            cancelling={cancelling}
            onCancel={() => {
              setCancelling(true);
              job.cancel();
            }}
          />
        ) : null}
        {step === 'result' && outcome ? (
          <ResultStep
            outcome={outcome}
            duplicateAtMs={duplicateAt}
            timeZone={timeZone}
            onBack={back}
            onClose={close}
            backLabel={source === 'prometheus' ? 'Back to the query' : file?.preview.format === 'csv' ? 'Back to fix the mapping' : 'Back to the options'}
          />
        ) : null}
        {step === 'source' && source === 'file' ? (
          <div className="modal-actions import-dismiss">
            <button type="button" onClick={close} data-testid="import-close">
              Close
            </button>
          </div>
        ) : null}
      </div>
    </Modal>
  );
}
