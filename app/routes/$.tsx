export async function loader() {
  // Any unknown address: the root error boundary shows a friendly 404 page.
  throw new Response("We could not find that page.", { status: 404, statusText: "Not Found" });
}

export default function NotFound() {
  return null;
}
