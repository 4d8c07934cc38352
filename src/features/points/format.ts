/** `+10` for credits, `−50` (a real minus sign, as Chinese finance apps print it) for debits. */
export function formatSignedPoints(amount: number): string {
  return amount > 0 ? `+${amount}` : `\u2212${Math.abs(amount)}`
}
