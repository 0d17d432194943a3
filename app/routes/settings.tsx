import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useEffect, useState } from "react";
import { requireUser } from "~/auth/permissions.server";
import { ErrorSummary, Field } from "~/components/forms";
import { getProfile, profileForm, saveProfile, timeZoneChoices } from "~/people/profile.server";
import { redirectWithFlash } from "~/utils/flash.server";
import { parseForm, valueOf } from "~/utils/forms";

export const meta: MetaFunction = () => [{ title: "Your settings — Cohort" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const person = await requireUser(request);
  return json({ profile: await getProfile(person.id), zones: timeZoneChoices() });
}

export async function action({ request }: ActionFunctionArgs) {
  const person = await requireUser(request);
  const parsed = parseForm(profileForm, await request.formData());
  if (!parsed.ok) return json({ errors: parsed.errors, values: parsed.values }, { status: 400 });
  await saveProfile(person.id, parsed.data);
  return redirectWithFlash("/settings", { kind: "success", message: "Your settings are saved." });
}

export default function Settings() {
  const { profile, zones } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>();
  const [detected, setDetected] = useState<string | null>(null);
  const [zone, setZone] = useState(data ? valueOf(data.values, "timeZone") : profile.timeZone);
  useEffect(() => {
    setDetected(Intl.DateTimeFormat().resolvedOptions().timeZone);
  }, []);
  return (
    <>
      <h1>Your settings</h1>
      <p className="muted">Signed in as @{profile.login}. Every date and meeting time is shown in your time zone.</p>
      <Form method="post" className="stacked" noValidate>
        <ErrorSummary errors={data?.errors} />
        <Field name="name" label="Name" required defaultValue={data ? valueOf(data.values, "name") : profile.name} error={data?.errors.name} />
        <Field name="email" label="E-mail for notices" type="email" defaultValue={data ? valueOf(data.values, "email") : profile.email ?? ""} error={data?.errors.email} />
        <div className="field">
          <label htmlFor="field-timeZone">Time zone</label>
          {detected && detected !== zone ? (
            <p className="help">
              Your browser says you are in {detected}.{" "}
              <button type="button" className="link-button" onClick={() => setZone(detected)}>Use {detected}</button>
            </p>
          ) : null}
          <select id="field-timeZone" name="timeZone" value={zone} onChange={(e) => setZone(e.target.value)} aria-invalid={data?.errors.timeZone ? true : undefined}>
            {zones.map((z) => <option key={z} value={z}>{z.replace(/_/g, " ")}</option>)}
          </select>
          {data?.errors.timeZone ? <p className="field-error">{data.errors.timeZone}</p> : null}
        </div>
        <div className="actions"><button type="submit">Save settings</button></div>
      </Form>
      <p><a href="/settings/following">Following after a cohort</a>: whether your upstream contributions are counted in alumni outcomes.</p>
    </>
  );
}
