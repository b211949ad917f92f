// Samples this process's memory every 100 ms: peak RSS and peak heap used over a measured span.
export interface MemoryPeaks {
  /** RSS when the span started (after a GC when --expose-gc is on). */
  baselineRss: number;
  peakRss: number;
  peakHeapUsed: number;
  samples: number;
}

export function collectGarbage(): void {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (gc) {
    gc();
    gc();
  }
}

export interface MemorySampler {
  /** From now on, samples also count toward this label's peaks (a stage name). */
  label(name: string): void;
  stop(): MemoryPeaks & { byLabel: Record<string, { peakRss: number; peakHeapUsed: number }> };
}

export function startMemorySampler(intervalMs = 100): MemorySampler {
  collectGarbage();
  const first = process.memoryUsage();
  const peaks: MemoryPeaks = {
    baselineRss: first.rss,
    peakRss: first.rss,
    peakHeapUsed: first.heapUsed,
    samples: 1,
  };
  const byLabel: Record<string, { peakRss: number; peakHeapUsed: number }> = {};
  let current: { peakRss: number; peakHeapUsed: number } | null = null;
  const sample = (): void => {
    const m = process.memoryUsage();
    peaks.peakRss = Math.max(peaks.peakRss, m.rss);
    peaks.peakHeapUsed = Math.max(peaks.peakHeapUsed, m.heapUsed);
    peaks.samples += 1;
    if (current) {
      current.peakRss = Math.max(current.peakRss, m.rss);
      current.peakHeapUsed = Math.max(current.peakHeapUsed, m.heapUsed);
    }
  };
  const timer = setInterval(sample, intervalMs);
  return {
    label(name) {
      sample();
      current = byLabel[name] ??= { peakRss: 0, peakHeapUsed: 0 };
      sample();
    },
    stop() {
      clearInterval(timer);
      sample();
      return { ...peaks, byLabel };
    },
  };
}

export const mb = (bytes: number): string => `${(bytes / 1_048_576).toFixed(0)} MB`;
