// Seats ranked by signatures. Apart from the seat list (a bundled file only the web build can load),
// so the worker can rank seats too (MP briefings).

/**
 * Each seat's rank among the 650 by signatures, standard competition ranking: a seat's rank is one more
 * than the number of seats ahead of it; seats with the same count share it (`tied`). Same order as `counts`.
 */
export function rankSeats(counts: number[]): { rank: number; tied: boolean }[] {
  const sorted = [...counts].sort((a, b) => b - a)
  const rankOf = new Map<number, number>()
  const seatsWith = new Map<number, number>()
  sorted.forEach((n, i) => {
    if (!rankOf.has(n)) rankOf.set(n, i + 1)
    seatsWith.set(n, (seatsWith.get(n) ?? 0) + 1)
  })
  return counts.map((n) => ({ rank: rankOf.get(n)!, tied: seatsWith.get(n)! > 1 }))
}
