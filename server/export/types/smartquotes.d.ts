/** The part of `smartquotes` (MIT, no published types) the exports use. */
declare module 'smartquotes' {
  const smartquotes: {
    /** Straight quotes to curly ones; `retainLength` keeps the string's length (primes pad with U+2063). */
    string(text: string, options?: { retainLength?: boolean }): string;
  };
  export default smartquotes;
}
