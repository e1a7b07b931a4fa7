export interface MilestoneProgress {
  count: number
  next: number | null
  previous: number
  percent: number
}

/** Where the count stands between the last milestone passed and the next one. */
export function milestoneProgress(count: number, thresholds: number[]): MilestoneProgress {
  const sorted = [...thresholds].sort((a, b) => a - b)
  const next = sorted.find((t) => t > count) ?? null
  const previous = [...sorted].reverse().find((t) => t <= count) ?? 0
  const percent = next ? Math.min(100, Math.floor((count / next) * 100)) : 100
  return { count, next, previous, percent }
}

