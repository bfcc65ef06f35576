import Link from 'next/link';

export default function RegisterNotFound() {
  return (
    <>
      <h1>Work register not found</h1>
      <p>
        There is no such work register, or it is a draft that only its parties can see. If your
        organization is a party, sign in first.
      </p>
      <p>
        <Link href="/registers">See all work registers</Link>
      </p>
    </>
  );
}
