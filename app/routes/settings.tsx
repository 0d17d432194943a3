import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useEffect, useState } from "react";
import { getSignedIn, requireUser } from "~/auth/permissions.server";
import { clearedSessionCookie, endOwnSession, listSessions } from "~/auth/session.server";
import { signOutEverywhere } from "~/auth/sign-in.server";
import { DateText } from "~/components/dates";
import { ErrorSummary, Field } from "~/components/forms";
import { getProfile, profileForm, saveProfile, timeZoneChoices } from "~/people/profile.server";
import { settingsButtonForm } from "~/people/settings-forms";
import { redirectWithFlash } from "~/utils/flash.server";
import { parseButton, parseForm, valueOf } from "~/utils/forms";
import { readForm } from "~/utils/request-body.server";

export const meta: MetaFunction = () => [{ title: "Your settings — Cohort" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const person = await requireUser(request);
  const signedIn = await getSignedIn(request);
  const devices = await listSessions(person.id, signedIn?.sessionId ?? "");
  return json({
    profile: await getProfile(person.id),
    zones: timeZoneChoices(),
    devices,
    timeZone: person.timeZone,
  });
}

export async function action({ request }: ActionFunctionArgs) {
  const person = await requireUser(request);
  const formData = await readForm(request);
  const button = parseButton(settingsButtonForm, formData);
  if (!button.ok)
    return json(
      { errors: { form: button.error } as Record<string, string>, values: {} as Record<string, string> },
      { status: 400 },
    );
  if (button.data.intent === "sign-out-everywhere") {
    await signOutEverywhere(person.id);
    return redirectWithFlash(
      "/login",
      { kind: "success", message: "You are signed out on every device, this one included." },
      { headers: { "Set-Cookie": clearedSessionCookie() } },
    );
  }
  if (button.data.intent === "end-session") {
    const ended = await endOwnSession(person.id, button.data.sessionId);
    return redirectWithFlash(
      "/settings",
      ended
        ? { kind: "success", message: "That device is signed out." }
        : { kind: "error", message: "That device was already signed out." },
    );
  }
  const parsed = parseForm(profileForm, formData);
  if (!parsed.ok) return json({ errors: parsed.errors, values: parsed.values }, { status: 400 });
  await saveProfile(person.id, parsed.data);
  return redirectWithFlash("/settings", { kind: "success", message: "Your settings are saved." });
}

export default function Settings() {
  const { profile, zones, devices, timeZone } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>();
  const [detected, setDetected] = useState<string | null>(null);
  const [zone, setZone] = useState(data ? valueOf(data.values, "timeZone") : profile.timeZone);
  useEffect(() => {
    setDetected(Intl.DateTimeFormat().resolvedOptions().timeZone);
  }, []);
  return (
    <>
      <h1>Your settings</h1>
      <p className="muted">
        Signed in as @{profile.login}. Every date and meeting time is shown in your time zone.
      </p>
      <Form method="post" className="stacked" noValidate>
        <ErrorSummary errors={data?.errors} />
        <Field
          name="name"
          label="Name"
          required
          defaultValue={data ? valueOf(data.values, "name") : profile.name}
          error={data?.errors.name}
        />
        <Field
          name="email"
          label="E-mail for notices"
          type="email"
          defaultValue={data ? valueOf(data.values, "email") : (profile.email ?? "")}
          error={data?.errors.email}
        />
        <div className="field">
          <label htmlFor="field-timeZone">Time zone</label>
          {detected && detected !== zone ? (
            <p className="help">
              Your browser says you are in {detected}.{" "}
              <button type="button" className="link-button" onClick={() => setZone(detected)}>
                Use {detected}
              </button>
            </p>
          ) : null}
          <select
            id="field-timeZone"
            name="timeZone"
            value={zone}
            onChange={(e) => setZone(e.target.value)}
            aria-invalid={data?.errors.timeZone ? true : undefined}
          >
            {zones.map((z) => (
              <option key={z} value={z}>
                {z.replace(/_/g, " ")}
              </option>
            ))}
          </select>
          {data?.errors.timeZone ? <p className="field-error">{data.errors.timeZone}</p> : null}
        </div>
        <div className="actions">
          <button type="submit" name="intent" value="profile">
            Save settings
          </button>
        </div>
      </Form>
      <h2 id="devices">Signed-in devices</h2>
      <p className="muted">
        Each browser you signed in with. A session ends after two weeks unused, and 30 days after signing in
        at the latest.
      </p>
      <table aria-labelledby="devices">
        <thead>
          <tr>
            <th scope="col">Browser</th>
            <th scope="col">Signed in</th>
            <th scope="col">Last used</th>
            <th scope="col">
              <span className="sr-only">Action</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {devices.map((device) => (
            <tr key={device.id}>
              <td>
                {describeBrowser(device.userAgent)}
                {device.current ? <strong> (this device)</strong> : null}
              </td>
              <td>
                <DateText value={device.createdAt} timeZone={timeZone} withTime />
              </td>
              <td>
                <DateText value={device.lastVerifiedAt} timeZone={timeZone} withTime />
              </td>
              <td>
                {device.current ? null : (
                  <Form method="post">
                    <input type="hidden" name="sessionId" value={device.id} />
                    <button type="submit" name="intent" value="end-session" className="secondary">
                      Sign out this device
                    </button>
                  </Form>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <Form method="post" className="actions">
        <button type="submit" name="intent" value="sign-out-everywhere" className="secondary">
          Sign out everywhere
        </button>
      </Form>
      <p>
        <a href="/settings/following">Following after a cohort</a>: whether your upstream contributions are
        counted in alumni outcomes.
      </p>
    </>
  );
}

/** "Chrome on Linux" from a user-agent string; the raw string when it is unusual. */
function describeBrowser(userAgent: string | null): string {
  if (!userAgent) return "Unknown browser";
  const browser = /Edg\//.test(userAgent)
    ? "Edge"
    : /Firefox\//.test(userAgent)
      ? "Firefox"
      : /Chrom(e|ium)\//.test(userAgent)
        ? "Chrome"
        : /Safari\//.test(userAgent)
          ? "Safari"
          : null;
  const system = /Android/.test(userAgent)
    ? "Android"
    : /iPhone|iPad/.test(userAgent)
      ? "iOS"
      : /Windows/.test(userAgent)
        ? "Windows"
        : /Mac OS X/.test(userAgent)
          ? "macOS"
          : /Linux/.test(userAgent)
            ? "Linux"
            : null;
  if (!browser) return userAgent.slice(0, 60);
  return system ? `${browser} on ${system}` : browser;
}
