import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { offerResponseForm } from "~/applications/offer-forms";
import { getOfferPage, respondToOffer } from "~/applications/offers.server";
import { forbidden, notFound, requireUser } from "~/auth/permissions.server";
import { DateText, DayText } from "~/components/dates";
import { ErrorSummary } from "~/components/forms";
import { redirectWithFlash } from "~/utils/flash.server";
import { parseButton } from "~/utils/forms";
import { readForm } from "~/utils/request-body.server";
import { enforceRateLimit } from "~/utils/rate-limit.server";

export const meta: MetaFunction = () => [{ title: "Your offer — Cohort" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const person = await requireUser(request);
  await enforceRateLimit("offerPage", person.id);
  const offer = await getOfferPage(person, params.token!, new URL(request.url).origin);
  if (offer === "not_found") throw notFound("This offer link is not valid.");
  if (offer === "not_yours")
    throw forbidden("This offer was sent to someone else. Sign in with the account you applied with.");
  return json(offer);
}

export async function action({ request, params }: ActionFunctionArgs) {
  const person = await requireUser(request);
  await enforceRateLimit("offerPage", person.id);
  const offer = await getOfferPage(person, params.token!, new URL(request.url).origin);
  if (offer === "not_found") throw notFound("This offer link is not valid.");
  if (offer === "not_yours") throw forbidden("This offer was sent to someone else.");
  const parsed = parseButton(offerResponseForm, await readForm(request));
  if (!parsed.ok) return json({ error: parsed.error }, { status: 400 });
  const response = parsed.data.intent;
  const result = await respondToOffer(person, params.token!, response, new URL(request.url).origin);
  if (result === "not_yours") throw forbidden("This offer was sent to someone else.");
  if (!result.ok) return json({ error: result.error }, { status: 400 });
  return redirectWithFlash(
    response === "confirm" ? `/cohorts/${result.cohortSlug}` : `/offers/${params.token}`,
    { kind: "success", message: result.message },
  );
}

export default function OfferPage() {
  const offer = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>();
  const zone = offer.person.timeZone;
  return (
    <>
      <h1>Your place in {offer.cohort.name}</h1>
      <ErrorSummary errors={data?.error ? { form: data.error } : null} />
      {offer.status === "pending" ? (
        <>
          <p>
            Congratulations, {offer.person.name}! You are offered a place in{" "}
            <strong>{offer.cohort.name}</strong>, starting <DayText value={offer.cohort.startsOn} />. Please
            answer by{" "}
            <strong>
              <DateText value={offer.expiresAt} timeZone={zone} withTime />
            </strong>
            ; after that the seat goes to the next person on the waitlist.
          </p>
          <p>
            By confirming you agree to follow the{" "}
            <a href={offer.cohort.codeOfConductUrl} target="_blank" rel="noreferrer">
              code of conduct
            </a>
            .
          </p>
          <Form method="post" className="actions">
            <button type="submit" name="intent" value="confirm">
              Confirm my place
            </button>
          </Form>
          <Form method="post" className="card stacked" style={{ marginTop: "1.5rem" }}>
            <p>Can’t take part this time? Declining frees your seat for someone on the waitlist.</p>
            <label className="choice">
              <input type="checkbox" name="sure" value="on" /> I want to give up my seat
            </label>
            <div className="actions">
              <button type="submit" name="intent" value="decline" className="secondary">
                Decline the offer
              </button>
            </div>
          </Form>
        </>
      ) : offer.status === "confirmed" ? (
        <p>
          You confirmed your place
          {offer.respondedAt ? (
            <>
              {" "}
              on <DateText value={offer.respondedAt} timeZone={zone} />
            </>
          ) : null}
          . <Link to={`/cohorts/${offer.cohort.slug}`}>Go to {offer.cohort.name}</Link>
        </p>
      ) : offer.status === "declined" ? (
        <p>You declined this offer. Thank you for letting us know; we hope to see you in a later cohort.</p>
      ) : offer.status === "expired" ? (
        <p>
          The deadline for this offer passed on <DateText value={offer.expiresAt} timeZone={zone} withTime />,
          so the seat was offered to the next person on the waitlist. If you think this is a mistake, write to
          the organizers.
        </p>
      ) : (
        <p>This offer is no longer open.</p>
      )}
    </>
  );
}
