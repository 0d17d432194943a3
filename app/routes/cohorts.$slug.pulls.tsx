import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Pager } from "~/components/pager";
import { pageParam } from "~/utils/pagination";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { requireCohortRole } from "~/auth/permissions.server";
import { PhaseError } from "~/cohorts/phase";
import { ErrorSummary, Field, PendingButton } from "~/components/forms";
import { PullRequestCard } from "~/components/pull-request-card";
import {
  AI_DISCLOSURE_LABELS,
  AI_DISCLOSURES,
  explainPullForm,
  linkPullForm,
  preReviewForm,
  pullButtonForm,
} from "~/pulls/forms";
import {
  assertCanLinkPulls,
  claimsForLinking,
  explainPull,
  linkPullRequest,
  listLinkedPulls,
  markPreReviewed,
} from "~/pulls/pulls.server";
import { redirectWithFlash } from "~/utils/flash.server";
import { parseButton, parseForm, valueOf, type FormValues } from "~/utils/forms";
import { readForm } from "~/utils/request-body.server";
import { keptPageData } from "~/utils/kept-pages.server";

export const meta: MetaFunction = () => [{ title: "Pull requests — Cohort" }];

const ROLES = ["organizer", "navigator", "captain", "participant"] as const;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const access = await requireCohortRole(request, params.slug, ROLES);
  const [list, claims] = await keptPageData("pulls", access.person.id, request, () =>
    Promise.all([
      listLinkedPulls(access, { page: pageParam(new URL(request.url)) }),
      access.roles.includes("participant") ? claimsForLinking(access) : Promise.resolve([]),
    ]),
  );
  return json({
    slug: access.cohort.slug,
    viewer: {
      id: access.person.id,
      login: access.person.login,
      timeZone: access.person.timeZone,
      isParticipant: access.roles.includes("participant"),
    },
    cards: list.cards.map((card) => {
      const mine = card.person.id === access.person.id;
      // The participant's own words come back into the edit form; nobody else needs the raw text.
      const ownText = mine
        ? {
            explanation: card.explanationText,
            aiDisclosure: card.aiDisclosure ?? "",
            aiTools: card.aiTools,
            aiVerification: card.aiVerificationText,
          }
        : undefined;
      return {
        ...card,
        explanationText: "",
        aiVerificationText: "",
        canPreReview: list.canPreReview(card),
        mine,
        ownText,
      };
    }),
    largeThreshold: list.largeThreshold,
    othersPage: list.page,
    claims: claims.map((c) => ({
      id: c.id,
      title: c.starterIssue.title,
      key:
        c.starterIssue.source === "trac" ? `Trac #${c.starterIssue.externalKey}` : c.starterIssue.externalKey,
    })),
  });
}

type ActionData = {
  intent: string;
  target?: string;
  errors?: Record<string, string>;
  values?: FormValues;
  choices?: boolean;
};

export async function action({ request, params }: ActionFunctionArgs) {
  const access = await requireCohortRole(request, params.slug, ROLES);
  const formData = await readForm(request);
  const button = parseButton(pullButtonForm, formData);
  if (!button.ok)
    return json<ActionData>({ intent: "", errors: { form: button.error }, values: {} }, { status: 400 });
  const intent = button.data.intent;
  const back = `/cohorts/${params.slug}/pulls`;
  const fail = (errors: Record<string, string>, values: FormValues, target?: string, choices?: boolean) =>
    json<ActionData>({ intent, target, errors, values, choices }, { status: 400 });
  try {
    if (intent === "link") {
      assertCanLinkPulls(access);
      const parsed = parseForm(linkPullForm, formData);
      if (!parsed.ok) return fail(parsed.errors, parsed.values, "link");
      const result = await linkPullRequest(access, parsed.data);
      if (!result.ok)
        return fail({ [result.field ?? "form"]: result.error }, parsed.values, "link", result.choices);
      if (result.warning)
        return redirectWithFlash(back, { kind: "info", message: `${result.message} ${result.warning}` });
      return redirectWithFlash(back, { kind: "success", message: result.message });
    }
    if (intent === "explain") {
      const parsed = parseForm(explainPullForm, formData);
      if (!parsed.ok) return fail(parsed.errors, parsed.values, valueOf(parsed.values, "linkId"));
      const result = await explainPull(access, parsed.data);
      if (!result.ok)
        return fail({ [result.field ?? "form"]: result.error }, parsed.values, parsed.data.linkId);
      return redirectWithFlash(back, { kind: "success", message: result.message });
    }
    if (intent === "prereview") {
      const parsed = parseForm(preReviewForm, formData);
      if (!parsed.ok) return fail(parsed.errors, parsed.values, valueOf(parsed.values, "linkId"));
      const result = await markPreReviewed(access, parsed.data.linkId, parsed.data.comment);
      if (!result.ok) return fail({ form: result.error }, parsed.values, parsed.data.linkId);
      return redirectWithFlash(back, { kind: "success", message: result.message });
    }
    return fail({ form: "Unknown action." }, {});
  } catch (error) {
    if (error instanceof PhaseError) return fail({ form: error.message }, {}, "link");
    throw error;
  }
}

function TextArea({
  id,
  name,
  label,
  help,
  rows,
  value,
  error,
  required,
}: {
  id: string;
  name: string;
  label: string;
  help?: string;
  rows: number;
  value: string;
  error?: string;
  required?: boolean;
}) {
  const describedBy =
    [help ? `${id}-help` : null, error ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
  return (
    <div className="field">
      <label htmlFor={id}>
        {label}
        {required ? <span aria-hidden="true"> *</span> : null}
      </label>
      {help ? (
        <span id={`${id}-help`} className="help">
          {help}
        </span>
      ) : null}
      <textarea
        dir="auto"
        id={id}
        name={name}
        rows={rows}
        defaultValue={value}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
      />
      {error ? (
        <p id={`${id}-error`} className="field-error">
          {error}
        </p>
      ) : null}
    </div>
  );
}

/** Explanation and AI disclosure; ids carry a prefix because several forms share the page. */
function DisclosureFields({
  values,
  errors,
  idPrefix,
}: {
  values?: FormValues;
  errors?: Record<string, string>;
  idPrefix: string;
}) {
  const chosen = valueOf(values, "aiDisclosure");
  return (
    <>
      <TextArea
        id={`${idPrefix}-explanation`}
        name="explanation"
        label="Explain the change in your own words"
        help="What was wrong, what you changed and why, and how you tested it. Your navigator and the maintainers read this first."
        rows={5}
        required
        value={valueOf(values, "explanation")}
        error={errors?.explanation}
      />
      <fieldset
        className="field"
        aria-describedby={errors?.aiDisclosure ? `${idPrefix}-ai-error` : undefined}
      >
        <legend>Did an AI tool help with this change? *</legend>
        {AI_DISCLOSURES.map((d) => (
          <label key={d} style={{ display: "block" }}>
            <input type="radio" name="aiDisclosure" value={d} defaultChecked={chosen === d} />{" "}
            {AI_DISCLOSURE_LABELS[d]}
          </label>
        ))}
        {errors?.aiDisclosure ? (
          <p id={`${idPrefix}-ai-error`} className="field-error">
            {errors.aiDisclosure}
          </p>
        ) : null}
      </fieldset>
      <div className="field">
        <label htmlFor={`${idPrefix}-aiTools`}>Which AI tools (if any)</label>
        <input
          dir="auto"
          id={`${idPrefix}-aiTools`}
          name="aiTools"
          defaultValue={valueOf(values, "aiTools")}
          aria-invalid={errors?.aiTools ? true : undefined}
        />
        {errors?.aiTools ? <p className="field-error">{errors.aiTools}</p> : null}
      </div>
      <TextArea
        id={`${idPrefix}-aiVerification`}
        name="aiVerification"
        label="What you checked yourself (if an AI tool helped)"
        help="For example: I read and understood every changed line, ran the test suite, added a regression test."
        rows={3}
        value={valueOf(values, "aiVerification")}
        error={errors?.aiVerification}
      />
    </>
  );
}

export default function PullRequests() {
  const page = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>() as ActionData | undefined;
  const linkData = data?.target === "link" ? data : undefined;
  const mine = page.cards.filter((c) => c.mine);
  const others = page.cards.filter((c) => !c.mine);
  return (
    <>
      <h1>Linked pull requests</h1>
      <p className="muted">
        Pull request states come from GitHub, synced regularly — never typed in by hand. A pull request counts
        once it is explained in the participant's own words and AI assistance is disclosed.{" "}
        <Link to={`/cohorts/${page.slug}/issues`}>Starter issues →</Link>
      </p>
      {page.viewer.isParticipant ? (
        <section aria-labelledby="link-heading">
          <h2 id="link-heading">Link a pull request</h2>
          <ErrorSummary errors={linkData?.errors} />
          {/* keyed on the number of linked PRs so the form empties once one is linked */}
          <Form key={mine.length} method="post" className="stacked" noValidate>
            <Field
              name="url"
              label="Pull request address"
              help="https://github.com/owner/repo/pull/123 — opened from your GitHub account."
              required
              defaultValue={valueOf(linkData?.values, "url")}
              error={linkData?.errors?.url}
            />
            <div className="field">
              <label htmlFor="field-claimId">Which claimed issue does it fix?</label>
              <span className="help" id="field-claimId-help">
                We find it from “Fixes #123” or “Fixed #35678 --” in the pull request; choose it if we cannot.
              </span>
              <select
                id="field-claimId"
                name="claimId"
                defaultValue={valueOf(linkData?.values, "claimId")}
                aria-describedby="field-claimId-help"
                aria-invalid={linkData?.errors?.claimId ? true : undefined}
              >
                <option value="">Find it from the pull request</option>
                {page.claims.map((c) => (
                  <option key={c.id} value={c.id}>
                    {c.key} — {c.title}
                  </option>
                ))}
              </select>
              {linkData?.errors?.claimId ? <p className="field-error">{linkData.errors.claimId}</p> : null}
              {page.claims.length === 0 ? (
                <p className="muted">
                  You have no claimed issue; the pull request will be linked on its own.
                </p>
              ) : null}
            </div>
            <DisclosureFields values={linkData?.values} errors={linkData?.errors} idPrefix="link" />
            <div className="actions">
              <PendingButton value="link" pendingLabel="Reading the pull request from GitHub…">
                Link pull request
              </PendingButton>
            </div>
          </Form>
        </section>
      ) : null}
      {page.viewer.isParticipant ? <h2>My pull requests</h2> : null}
      {page.viewer.isParticipant && mine.length === 0 ? <p>You have not linked a pull request yet.</p> : null}
      {mine.map((card) => (
        <PullCardWithActions
          key={card.linkId}
          card={card}
          page={page}
          data={data?.target === card.linkId ? data : undefined}
        />
      ))}
      {others.length > 0 || !page.viewer.isParticipant ? (
        <h2>{page.viewer.isParticipant ? "My team's pull requests" : "Pull requests"}</h2>
      ) : null}
      {others.length === 0 && !page.viewer.isParticipant ? <p>No pull request has been linked yet.</p> : null}
      {others.map((card) => (
        <PullCardWithActions
          key={card.linkId}
          card={card}
          page={page}
          data={data?.target === card.linkId ? data : undefined}
        />
      ))}
      {page.othersPage.pages > 1 ? <Pager page={page.othersPage} noun="pull requests" /> : null}
    </>
  );
}

type Page = ReturnType<typeof useLoaderData<typeof loader>>;

function PullCardWithActions({
  card,
  page,
  data,
}: {
  card: Page["cards"][number];
  page: Page;
  data?: ActionData;
}) {
  return (
    <PullRequestCard pr={card} timeZone={page.viewer.timeZone} largeThreshold={page.largeThreshold} detailed>
      {data?.errors?.form ? (
        <p className="field-error" role="alert">
          {data.errors.form}
        </p>
      ) : null}
      {card.canPreReview ? (
        // keyed on the pre-review so it closes, emptied, once saved
        <details key={card.preReview?.at ?? "none"} open={Boolean(data?.errors)}>
          <summary>{card.preReview ? "Update the pre-review" : "Mark as pre-reviewed"}</summary>
          <Form method="post" className="stacked" noValidate>
            <input type="hidden" name="linkId" value={card.linkId} />
            <TextArea
              id={`${card.linkId}-comment`}
              name="comment"
              label="Pre-review comment"
              help="What you checked before this goes to the maintainers."
              rows={3}
              value={valueOf(data?.values, "comment")}
              error={data?.errors?.comment}
            />
            <div className="actions">
              <button type="submit" name="intent" value="prereview">
                Mark pre-reviewed
              </button>
            </div>
          </Form>
        </details>
      ) : null}
      {card.mine ? (
        <details open={Boolean(data?.errors) || !card.counts}>
          <summary>{card.counts ? "Edit my explanation" : "Explain this pull request so it counts"}</summary>
          <Form method="post" className="stacked" noValidate>
            <input type="hidden" name="linkId" value={card.linkId} />
            <DisclosureFields
              values={data?.values ?? card.ownText}
              errors={data?.errors}
              idPrefix={card.linkId}
            />
            <div className="actions">
              <button type="submit" name="intent" value="explain">
                Save explanation
              </button>
            </div>
          </Form>
        </details>
      ) : null}
    </PullRequestCard>
  );
}
