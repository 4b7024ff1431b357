import { useCallback, useEffect, useRef, useState } from 'react';
import type { ImportSummary } from '#shared/ipc/contract';
import type { Result } from '#shared/ipc/errors';
import type { EventMap } from '#shared/ipc/events';
import type { Client } from '../../ipc/client';
import { newJobId } from './import-model';

type Progress = EventMap['import-progress'];

// A cancel sent in the instant before the core has registered the job finds nothing to cancel; ask again briefly.
const CANCEL_RETRIES = 5;
const CANCEL_RETRY_MS = 200;

/**
 * One import at a time under a fresh job id: follows its progress events, cancels it on request, and cancels it when
 * the component goes away so closing the wizard never leaves an import running unseen.
 */
export function useImportJob(client: Client) {
  const [progress, setProgress] = useState<Progress | null>(null);
  const [running, setRunning] = useState(false);
  const job = useRef<string | null>(null);

  useEffect(
    () =>
      client.on('import-progress', (p) => {
        if (p.jobId === job.current) setProgress(p);
      }),
    [client],
  );

  const cancel = useCallback(() => {
    const id = job.current;
    if (!id) return;
    const attempt = async (left: number) => {
      const answer = await client.invoke('import/cancel', { jobId: id });
      if (answer.ok && !answer.value.cancelled && left > 0 && job.current === id) setTimeout(() => void attempt(left - 1), CANCEL_RETRY_MS);
    };
    void attempt(CANCEL_RETRIES);
  }, [client]);

  useEffect(
    () => () => {
      const id = job.current;
      if (id) void client.invoke('import/cancel', { jobId: id });
    },
    [client],
  );

  const run = useCallback(async (call: (jobId: string) => Promise<Result<ImportSummary>>) => {
    const id = newJobId();
    job.current = id;
    setProgress(null);
    setRunning(true);
    try {
      return await call(id);
    } finally {
      if (job.current === id) {
        job.current = null;
        setRunning(false);
      }
    }
  }, []);

  return { progress, running, run, cancel };
}
