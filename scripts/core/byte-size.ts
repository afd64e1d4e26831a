/** Sizes in messages: "5.0 MB, over the limit of 1.0 MB". */

const megabytes = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;

/** `size, over the limit of max`, in MB; in bytes when the two would read the same (a file just over the limit). */
export function overSizeLimit(size: number, max: number): string {
  const [a, b] = [megabytes(size), megabytes(max)];
  return a === b
    ? `${size.toLocaleString('en-US')} bytes, over the limit of ${max.toLocaleString('en-US')}`
    : `${a}, over the limit of ${b}`;
}
