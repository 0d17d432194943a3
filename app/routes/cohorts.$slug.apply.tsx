import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useEffect, useRef, useState } from "react";
import { applyButtonForm } from "~/applications/apply-forms";
import { getApplyPage, saveApplication, withdrawApplication } from "~/applications/apply.server";
import { preferenceField } from "~/applications/questions";
import { offerLabel } from "~/applications/decision-labels";
import { notFound, requireUser } from "~/auth/permissions.server";
import { countSlots, setToSlots, slotIndexFromKey } from "~/availability/slots";
import { PHASE_LABELS } from "~/cohorts/phase";
import { QuestionField } from "~/components/application-form";
import { AvailabilityGrid } from "~/components/availability-grid";
import { TimeCommitmentFields } from "~/components/time-commitment-fields";
import { DateText } from "~/components/dates";
import { ErrorSummary, type ErrorLink } from "~/components/forms";
import { Markdown } from "~/components/markdown";
import { redirectWithFlash } from "~/utils/flash.server";
import { parseButton, type FormValues } from "~/utils/forms";
import { readForm } from "~/utils/request-body.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `Apply to ${data.cohort.name} — Cohort` : "Apply — Cohort" },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const person = await requireUser(request);
  const page = await getApplyPage(person, params.slug!);
  if (!page) throw notFound("There is no cohort at this address.");
  return json({ ...page, viewerZone: person.timeZone });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const person = await requireUser(request);
  const parsed = parseButton(applyButtonForm, await readForm(request));
  const here = `/cohorts/${params.slug}/apply`;
  if (!parsed.ok)
    return json(
      { errors: { form: parsed.error } as Record<string, string>, values: parsed.values },
      { status: 400 },
    );
  const button = parsed.data;
  if (button.intent === "withdraw") {
    const result = await withdrawApplication(person, params.slug!, button.sure);
    if (!result.ok)
      return json(
        { errors: { form: result.error } as Record<string, string>, values: null },
        { status: 400 },
      );
    return redirectWithFlash(here, { kind: "success", message: result.message });
  }
  const result = await saveApplication(person, params.slug!, button.intent, parsed.values);
  if (!result.ok)
    return json({ errors: result.errors, values: result.values as FormValues | null }, { status: 400 });
  // What was sent, and what happens next.
  return redirectWithFlash(result.submitted ? `${here}/summary` : here, {
    kind: "success",
    message: result.message,
  });
}

const ordinal = (n: number) => (n === 1 ? "1st" : n === 2 ? "2nd" : n === 3 ? "3rd" : `${n}th`);

export default function Apply() {
  const page = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const errors = actionData?.errors ?? {};
  const values: FormValues = actionData?.values ?? page.values;
  const { cohort, application } = page;

  // Slots and zone as typed when the form comes back with errors, else as saved.
  const typedSlots = actionData?.values ? actionData.values.slot : undefined;
  const localSlots = actionData?.values
    ? setToSlots(
        (Array.isArray(typedSlots) ? typedSlots : typedSlots ? [typedSlots] : [])
          .map(slotIndexFromKey)
          .filter((i): i is number => i !== null),
      )
    : page.localSlots;
  const typedZone =
    actionData?.values && typeof actionData.values.timeZone === "string" ? actionData.values.timeZone : null;
  const [zone, setZone] = useState(typedZone ?? page.timeZone);
  const [detected, setDetected] = useState<string | null>(null);
  const [gridHours, setGridHours] = useState(() => countSlots(localSlots) / 2);
  const zoneRef = useRef<HTMLSelectElement>(null);
  useEffect(() => {
    // First visit: use the browser's time zone; the applicant can still change it.
    if (!page.detectTimeZone || typedZone) return;
    const browserZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    if (browserZone && browserZone !== zone && page.timeZones.includes(browserZone)) {
      setZone(browserZone);
      setDetected(browserZone);
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const busy = navigation.state === "submitting";
  const submitted = application?.status === "submitted";
  const one = (key: string) => {
    const v = values[key];
    return Array.isArray(v) ? (v[0] ?? "") : (v ?? "");
  };
  // Where each problem listed at the top of the form points to.
  const errorLink = (field: string): ErrorLink | null => {
    const question = page.questions.find((q) => `q_${q.id}` === field);
    if (question) return { label: question.label, href: `#field-${field}` };
    const project = page.projects.find((p) => preferenceField(p.id) === field);
    if (project) return { label: `Rank of ${project.name}`, href: `#field-${field}` };
    const others: Record<string, ErrorLink> = {
      preferences: { label: "Projects", href: "#projects" },
      timeZone: { label: "Your time zone", href: "#field-timeZone" },
      availability: { label: "Weekly availability", href: "#availability" },
      hoursPerWeek: { label: "Hours a week you can give", href: "#field-hoursPerWeek" },
      commitments: { label: "Other commitments", href: "#field-commitments" },
      commitmentHours: { label: "Hours a week of other commitments", href: "#field-commitmentHours" },
      codeOfConduct: { label: "Code of conduct", href: "#field-codeOfConduct" },
      aiPolicy: { label: "AI-contribution policy", href: "#field-aiPolicy" },
    };
    return others[field] ?? null;
  };

  return (
    <>
      <h1>Apply to {cohort.name}</h1>
      <p>
        <span className="badge badge-info">{PHASE_LABELS[cohort.phase]}</span> Applications close{" "}
        <DateText value={cohort.applicationsCloseAt} timeZone="Etc/GMT+12" /> (anywhere on earth).
      </p>

      {application ? (
        <section className="card" aria-label="Your application">
          <p style={{ margin: 0 }}>
            Your application:{" "}
            <strong>
              {application.status === "draft"
                ? "draft — not submitted yet"
                : application.status === "submitted"
                  ? "submitted"
                  : "withdrawn"}
            </strong>
            {application.submittedAt && application.status === "submitted" ? (
              <>
                {" "}
                on <DateText value={application.submittedAt} timeZone={page.viewerZone} withTime />
              </>
            ) : null}
            .
          </p>
          {application.publishedDecision === "accepted" && application.offer ? (
            application.offer.status === "pending" ? (
              <p>
                <strong>You are accepted!</strong> Please confirm or decline by{" "}
                <DateText value={application.offer.expiresAt} timeZone={page.viewerZone} withTime />:{" "}
                <Link to={`/offers/${application.offer.token}`} className="button">
                  Answer your offer
                </Link>
              </p>
            ) : (
              <p>
                Your offer: <strong>{offerLabel(application.offer.status)}</strong>.{" "}
                <Link to={`/offers/${application.offer.token}`}>See the offer</Link>
              </p>
            )
          ) : null}
          {application.publishedDecision === "waitlisted" ? (
            <p>
              You are on the waitlist (position {application.waitlistRank ?? "—"}). We will write to you if a
              seat opens.
            </p>
          ) : null}
          {application.publishedDecision === "rejected" ? (
            <p>We could not offer you a seat this time. Thank you for applying.</p>
          ) : null}
          {page.notices.length > 0 ? (
            <details>
              <summary>Messages we sent you ({page.notices.length})</summary>
              {page.notices.map((n) => (
                <div key={n.id} className="notice">
                  <p>
                    <strong>{n.subject}</strong> —{" "}
                    <DateText value={n.createdAt} timeZone={page.viewerZone} withTime />
                  </p>
                  <pre className="notice-body" style={{ whiteSpace: "pre-wrap", overflowWrap: "anywhere" }}>
                    {n.bodyText}
                  </pre>
                </div>
              ))}
            </details>
          ) : null}
        </section>
      ) : null}

      {!page.canEdit ? (
        <section className="card" aria-label="Applications">
          {page.staffRole ? (
            <p>
              You are {page.staffRole === "organizer" ? "an organizer" : "a reviewer"} of {cohort.name}, so
              you cannot apply to it.
            </p>
          ) : cohort.phase === "upcoming" || cohort.phase === "draft" ? (
            <p>
              Applications open on <DateText value={cohort.applicationsOpenAt} timeZone={page.viewerZone} />.
              Come back then!
            </p>
          ) : (
            <p>
              Applications closed on <DateText value={cohort.applicationsCloseAt} timeZone="Etc/GMT+12" />{" "}
              (anywhere on earth).{application ? null : " You did not apply to this cohort."}
            </p>
          )}
          {errors.form ? (
            <p className="field-error" role="alert">
              {errors.form}
            </p>
          ) : null}
          {application &&
          application.status !== "withdrawn" &&
          !application.publishedDecision &&
          cohort.phase === "review" ? (
            <Form method="post" className="stacked">
              <label className="choice">
                <input type="checkbox" name="sure" value="on" /> I understand that applications have closed,
                so I cannot apply to {cohort.name} again
              </label>
              <div className="actions">
                <button type="submit" name="intent" value="withdraw" className="secondary">
                  Withdraw my application
                </button>
              </div>
            </Form>
          ) : null}
        </section>
      ) : (
        <>
          <ErrorSummary errors={actionData?.errors} linkTo={errorLink} />
          <Form method="post" className="stacked application-form" noValidate>
            <h2>About you</h2>
            {page.questions.length === 0 ? (
              <p className="muted">The organizers have not added questions yet.</p>
            ) : null}
            {page.questions.map((q) => (
              <QuestionField
                key={q.id}
                question={q}
                value={values[`q_${q.id}`]}
                error={errors[`q_${q.id}`]}
              />
            ))}

            <h2 id="projects">Projects</h2>
            <fieldset
              className="field"
              aria-describedby={errors.preferences ? "preferences-error" : undefined}
            >
              <legend>Which projects would you like to work on? Rank them, or tick “Any project”.</legend>
              {page.projects.map((p) => (
                <div key={p.id} className="field">
                  <label htmlFor={`field-${preferenceField(p.id)}`}>{p.name}</label>
                  <select
                    id={`field-${preferenceField(p.id)}`}
                    name={preferenceField(p.id)}
                    defaultValue={one(preferenceField(p.id))}
                    aria-invalid={errors[preferenceField(p.id)] ? true : undefined}
                  >
                    <option value="">Not my preference</option>
                    {page.projects.map((_, i) => (
                      <option key={i} value={String(i + 1)}>
                        {ordinal(i + 1)} choice
                      </option>
                    ))}
                  </select>
                  {errors[preferenceField(p.id)] ? (
                    <p className="field-error">{errors[preferenceField(p.id)]}</p>
                  ) : null}
                </div>
              ))}
              <label className="choice">
                <input
                  type="checkbox"
                  name="anyProject"
                  value="on"
                  defaultChecked={one("anyProject") === "on"}
                />{" "}
                Any project — I am happy wherever I am most useful
              </label>
              {errors.preferences ? (
                <p id="preferences-error" className="field-error">
                  {errors.preferences}
                </p>
              ) : null}
            </fieldset>

            <h2 id="availability">Weekly availability</h2>
            <div className="field">
              <label htmlFor="field-timeZone">Your time zone</label>
              <span className="help" id="field-timeZone-help">
                Tick the half-hours of a typical week when you could meet your team, in this time zone. We
                store them in UTC and show them to your team in theirs.
                {detected ? (
                  <>
                    {" "}
                    We detected <strong>{detected}</strong> from your browser; change it if that is wrong.
                  </>
                ) : null}
              </span>
              <select
                id="field-timeZone"
                name="timeZone"
                ref={zoneRef}
                value={zone}
                onChange={(e) => setZone(e.target.value)}
                aria-describedby="field-timeZone-help"
                aria-invalid={errors.timeZone ? true : undefined}
              >
                {page.timeZones.map((z) => (
                  <option key={z} value={z}>
                    {z}
                  </option>
                ))}
              </select>
              {errors.timeZone ? <p className="field-error">{errors.timeZone}</p> : null}
            </div>
            {errors.availability ? (
              <p className="field-error" id="availability-error">
                {errors.availability}
              </p>
            ) : null}
            <AvailabilityGrid
              localSlots={localSlots}
              timeZone={zone}
              caption={`Weekly availability (times in ${zone})`}
              onHoursChange={setGridHours}
            />
            <p className="help">
              Your grid shows <strong>{gridHours} hours</strong> a week.
            </p>

            <h2 id="time">Your time</h2>
            <TimeCommitmentFields
              cohortHours={cohort.weeklyHours}
              availabilityHours={gridHours}
              values={{
                hoursPerWeek: one("hoursPerWeek"),
                commitments: one("commitments"),
                commitmentHours: one("commitmentHours"),
              }}
              errors={errors}
            />

            <h2>Code of conduct and AI policy</h2>
            <div className="field">
              <p>
                Everyone in {cohort.name} follows the{" "}
                <a href={cohort.codeOfConductUrl} target="_blank" rel="noreferrer">
                  code of conduct
                </a>
                .
              </p>
              <label className="choice">
                <input
                  type="checkbox"
                  id="field-codeOfConduct"
                  name="codeOfConduct"
                  value="on"
                  defaultChecked={one("codeOfConduct") === "on"}
                  aria-invalid={errors.codeOfConduct ? true : undefined}
                />{" "}
                I have read the code of conduct and will follow it.
              </label>
              {errors.codeOfConduct ? <p className="field-error">{errors.codeOfConduct}</p> : null}
            </div>
            <div className="field">
              <p>
                Each project has its own policy on AI-assisted contributions. Please read the policies of the
                projects you chose (or all of them if you chose “Any project”):
              </p>
              {page.projects.map((p) => (
                <details key={p.id} open>
                  <summary>{p.name}’s AI-contribution policy</summary>
                  {p.aiPolicyHtml ? (
                    <Markdown html={p.aiPolicyHtml} />
                  ) : (
                    <p className="muted">
                      This project has no written policy; disclose any AI assistance in your pull requests.
                    </p>
                  )}
                  {p.aiPolicyUrl ? (
                    <p>
                      <a href={p.aiPolicyUrl} target="_blank" rel="noreferrer">
                        Full policy
                      </a>
                    </p>
                  ) : null}
                </details>
              ))}
              <label className="choice">
                <input
                  type="checkbox"
                  id="field-aiPolicy"
                  name="aiPolicy"
                  value="on"
                  defaultChecked={one("aiPolicy") === "on"}
                  aria-invalid={errors.aiPolicy ? true : undefined}
                />{" "}
                I have read the AI-contribution policies of my chosen projects and will follow them.
              </label>
              {errors.aiPolicy ? <p className="field-error">{errors.aiPolicy}</p> : null}
            </div>

            <div className="actions">
              {submitted ? (
                <button type="submit" name="intent" value="save" disabled={busy}>
                  Save changes
                </button>
              ) : (
                <>
                  <button type="submit" name="intent" value="submit" disabled={busy}>
                    Submit application
                  </button>
                  <button type="submit" name="intent" value="save" className="secondary" disabled={busy}>
                    Save draft
                  </button>
                </>
              )}
            </div>
          </Form>
          {application && application.status !== "withdrawn" ? (
            <Form method="post" className="actions" style={{ marginTop: "1.5rem" }}>
              <button type="submit" name="intent" value="withdraw" className="secondary">
                Withdraw my application
              </button>
            </Form>
          ) : null}
        </>
      )}
    </>
  );
}
