const ONES = ['', 'One', 'Two', 'Three', 'Four', 'Five', 'Six', 'Seven', 'Eight', 'Nine', 'Ten', 'Eleven',
  'Twelve', 'Thirteen', 'Fourteen', 'Fifteen', 'Sixteen', 'Seventeen', 'Eighteen', 'Nineteen'];
const TENS = ['', '', 'Twenty', 'Thirty', 'Forty', 'Fifty', 'Sixty', 'Seventy', 'Eighty', 'Ninety'];

/** A number spelled out as books spell part numbers ("Twenty-One"); digits from 100 on. */
export function spelledNumber(n: number): string {
  if (n < 20) return ONES[n] || String(n);
  if (n < 100) return TENS[Math.floor(n / 10)] + (n % 10 ? `-${ONES[n % 10]}` : '');
  return String(n);
}

/** The label a part goes by, from its place among the book's parts: "Part One". */
export function partLabel(partNumber: number): string {
  return `Part ${spelledNumber(partNumber)}`;
}
