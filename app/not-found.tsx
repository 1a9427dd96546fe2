import Link from 'next/link';

/** Shown for any page or manuscript that does not exist. */
export default function NotFound() {
  return (
    <div className="library">
      <h1>Not found</h1>
      <p>There is no such manuscript here.</p>
      <Link href="/">Back to the library</Link>
    </div>
  );
}
