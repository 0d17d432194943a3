import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useState } from "react";
import { requireCohortRole } from "~/auth/permissions.server";
import { setToSlots, slotIndexFromKey } from "~/availability/slots";
import { AvailabilityGrid } from "~/components/availability-grid";
import { DateText } from "~/components/dates";
import { ErrorSummary } from "~/components/forms";
import { timeZoneChoices } from "~/people/profile.server";
import { availabilityForm } from "~/teams/team-forms";
import { getMyAvailability, saveMyAvailability } from "~/teams/teams.server";
import { redirectWithFlash } from "~/utils/flash.server";
import { parseForm, valueOf } from "~/utils/forms";
import { readForm } from "~/utils/request-body.server";

export const meta: MetaFunction = () => [{ title: "My weekly availability — Cohort" }];

const ROLES = ["navigator", "captain", "participant"] as const;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const access = await requireCohortRole(request, params.slug, ROLES);
  const mine = await getMyAvailability(access.cohort, access.person);
  return json({
    cohort: { slug: access.cohort.slug, name: access.cohort.name },
    ...mine,
    zones: timeZoneChoices(),
    viewerZone: access.person.timeZone,
  });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const access = await requireCohortRole(request, params.slug, ROLES);
  const parsed = parseForm(availabilityForm, await readForm(request));
  if (!parsed.ok) return json({ errors: parsed.errors, values: parsed.values }, { status: 400 });
  const saved = await saveMyAvailability(
    access.cohort,
    access.person.id,
    parsed.data.localSlots,
    parsed.data.timeZone,
  );
  if (!saved.ok)
    return json(
      { errors: { form: saved.error } as Record<string, string>, values: parsed.values },
      { status: 400 },
    );
  return redirectWithFlash(`/cohorts/${access.cohort.slug}/availability`, {
    kind: "success",
    message: `Availability saved: ${saved.hours} hours a week.`,
  });
}

export default function Availability() {
  const page = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>();
  const typed = data?.values?.slot;
  const localSlots = data?.values
    ? setToSlots(
        (Array.isArray(typed) ? typed : typed ? [typed] : [])
          .map(slotIndexFromKey)
          .filter((i): i is number => i !== null),
      )
    : page.localSlots;
  const [zone, setZone] = useState(valueOf(data?.values, "timeZone") || page.timeZone);
  return (
    <>
      <h1>My weekly availability</h1>
      <p>
        Tick the half-hours of a typical week when you could meet your team. Teams are formed so that everyone
        shares at least a few of these hours, so the more you can tick, the easier it is.
      </p>
      <p className="muted">
        {page.hours > 0 ? (
          <>
            You gave {page.hours} hours a week
            {page.updatedAt ? (
              <>
                {" "}
                (last changed <DateText value={page.updatedAt} timeZone={page.viewerZone} />)
              </>
            ) : null}
            .
          </>
        ) : (
          "You have not given your availability yet."
        )}
      </p>
      {page.phase === "finished" ? (
        <p role="alert">This cohort has finished; availability can no longer be changed.</p>
      ) : null}
      <Form method="post" className="stacked" noValidate>
        <ErrorSummary errors={data?.errors} />
        <div className="field">
          <label htmlFor="field-timeZone">The times below are in</label>
          <select id="field-timeZone" name="timeZone" value={zone} onChange={(e) => setZone(e.target.value)}>
            {page.zones.includes(zone) ? null : <option value={zone}>{zone}</option>}
            {page.zones.map((z) => (
              <option key={z} value={z}>
                {z}
              </option>
            ))}
          </select>
          {data?.errors?.timeZone ? <p className="field-error">{data.errors.timeZone}</p> : null}
        </div>
        {data?.errors?.slot ? (
          <p className="field-error" role="alert">
            {data.errors.slot}
          </p>
        ) : null}
        <AvailabilityGrid localSlots={localSlots} timeZone={zone} caption={`Your week, in ${zone}`} />
        <div className="actions">
          <button type="submit">Save availability</button>
        </div>
      </Form>
    </>
  );
}
