import { useCallback, useEffect, useRef, useState } from 'react';
import type { TextKey } from '../i18n';

export type SubmitResult =
  { kind: 'ok'; key: TextKey; at: number } | { kind: 'error'; error: unknown; at: number } | null;

export interface Submit {
  pending: boolean;
  result: SubmitResult;
  /** Runs `action` once at a time; the result (or error) is kept for `SubmitStatus`. */
  run: <T>(
    action: () => Promise<T>,
    okKey?: TextKey,
  ) => Promise<{ ok: true; value: T } | { ok: false; error: unknown }>;
  clear: () => void;
  fail: (error: unknown) => void;
  /** Reports a success done elsewhere (e.g. by a form inside this one's region). */
  succeed: (key: TextKey) => void;
}

export function useSubmit(): Submit {
  const [pending, setPending] = useState(false);
  const [result, setResult] = useState<SubmitResult>(null);
  const busy = useRef(false);
  const mounted = useRef(true);
  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);

  const run = useCallback<Submit['run']>(async (action, okKey = 'saved') => {
    if (busy.current) return { ok: false, error: new Error('busy') };
    busy.current = true;
    setPending(true);
    setResult(null);
    try {
      const value = await action();
      if (mounted.current) setResult({ kind: 'ok', key: okKey, at: Date.now() });
      return { ok: true, value };
    } catch (error) {
      if (mounted.current) setResult({ kind: 'error', error, at: Date.now() });
      return { ok: false, error };
    } finally {
      busy.current = false;
      if (mounted.current) setPending(false);
    }
  }, []);

  const clear = useCallback(() => setResult(null), []);
  const fail = useCallback(
    (error: unknown) => setResult({ kind: 'error', error, at: Date.now() }),
    [],
  );
  const succeed = useCallback((key: TextKey) => setResult({ kind: 'ok', key, at: Date.now() }), []);
  return { pending, result, run, clear, fail, succeed };
}
