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

export function startMemorySampler(intervalMs = 100): { stop(): MemoryPeaks } {
  collectGarbage();
  const first = process.memoryUsage();
  const peaks: MemoryPeaks = {
    baselineRss: first.rss,
    peakRss: first.rss,
    peakHeapUsed: first.heapUsed,
    samples: 1,
  };
  const sample = (): void => {
    const m = process.memoryUsage();
    peaks.peakRss = Math.max(peaks.peakRss, m.rss);
    peaks.peakHeapUsed = Math.max(peaks.peakHeapUsed, m.heapUsed);
    peaks.samples += 1;
  };
  const timer = setInterval(sample, intervalMs);
  return {
    stop() {
      clearInterval(timer);
      sample();
      return { ...peaks };
    },
  };
}

export const mb = (bytes: number): string => `${(bytes / 1_048_576).toFixed(0)} MB`;
