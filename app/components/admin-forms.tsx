import { Form } from "@remix-run/react";
import { ErrorSummary, Field } from "./forms";

type Values = Record<string, string | string[]>;
const v = (values: Values | undefined, key: string) => {
  const value = values?.[key];
  return Array.isArray(value) ? value.join("\n") : (value ?? "");
};

export function ProjectForm({
  values,
  errors,
  submitLabel,
}: {
  values?: Values;
  errors?: Record<string, string>;
  submitLabel: string;
}) {
  return (
    <Form method="post" className="stacked" noValidate>
      <ErrorSummary errors={errors} />
      <Field name="name" label="Name" required defaultValue={v(values, "name")} error={errors?.name} />
      <Field
        name="slug"
        label="Address name"
        required
        help="Used in addresses, e.g. django."
        defaultValue={v(values, "slug")}
        error={errors?.slug}
      />
      <Field
        name="description"
        label="Description"
        multiline
        rows={3}
        defaultValue={v(values, "description")}
        error={errors?.description}
      />
      <Field
        name="websiteUrl"
        label="Website"
        type="url"
        defaultValue={v(values, "websiteUrl")}
        error={errors?.websiteUrl}
      />
      <Field
        name="repositories"
        label="GitHub repositories"
        multiline
        rows={3}
        help="One owner/name per line, e.g. django/django."
        defaultValue={v(values, "repositories")}
        error={errors?.repositories}
      />
      <Field
        name="starterLabels"
        label="Starter issue labels"
        multiline
        rows={3}
        help="One label per line. Empty means: good first issue, easy pickings, help wanted."
        defaultValue={v(values, "starterLabels")}
        error={errors?.starterLabels}
      />
      <Field
        name="tracUrl"
        label="Trac tracker"
        type="url"
        help="e.g. https://code.djangoproject.com — leave empty if the project has no Trac."
        defaultValue={v(values, "tracUrl")}
        error={errors?.tracUrl}
      />
      <Field
        name="tracQuery"
        label="Trac query"
        help="Default for Django: status=!closed&stage=Accepted&easy=1"
        defaultValue={v(values, "tracQuery")}
        error={errors?.tracQuery}
      />
      <Field
        name="aiPolicyText"
        label="AI-contribution policy"
        multiline
        rows={4}
        help="Shown to applicants, who must acknowledge it."
        defaultValue={v(values, "aiPolicyText")}
        error={errors?.aiPolicyText}
      />
      <Field
        name="aiPolicyUrl"
        label="AI policy link"
        type="url"
        defaultValue={v(values, "aiPolicyUrl")}
        error={errors?.aiPolicyUrl}
      />
      <div className="actions">
        <button type="submit" name="intent" value="save">
          {submitLabel}
        </button>
      </div>
    </Form>
  );
}

export function CohortForm({
  values,
  errors,
  projects,
  submitLabel,
}: {
  values?: Values;
  errors?: Record<string, string>;
  projects: { slug: string; name: string }[];
  submitLabel: string;
}) {
  const chosen = new Set(
    Array.isArray(values?.projectSlugs)
      ? values?.projectSlugs
      : values?.projectSlugs
        ? [values.projectSlugs as string]
        : [],
  );
  return (
    <Form method="post" className="stacked" noValidate>
      <ErrorSummary errors={errors} />
      <Field name="name" label="Name" required defaultValue={v(values, "name")} error={errors?.name} />
      <Field
        name="slug"
        label="Address name"
        required
        help="Used in addresses, e.g. django-session-6."
        defaultValue={v(values, "slug")}
        error={errors?.slug}
      />
      <Field
        name="description"
        label="Description"
        multiline
        rows={3}
        defaultValue={v(values, "description")}
        error={errors?.description}
      />
      <fieldset className="field">
        <legend>Projects</legend>
        {projects.map((p) => (
          <label key={p.slug}>
            <input type="checkbox" name="projectSlugs" value={p.slug} defaultChecked={chosen.has(p.slug)} />{" "}
            {p.name}
          </label>
        ))}
        {errors?.projectSlugs ? <p className="field-error">{errors.projectSlugs}</p> : null}
      </fieldset>
      <Field
        name="applicationsOpenOn"
        label="Applications open on"
        type="date"
        required
        defaultValue={v(values, "applicationsOpenOn")}
        error={errors?.applicationsOpenOn}
      />
      <Field
        name="applicationsCloseOn"
        label="Applications close on"
        type="date"
        required
        help="The deadline ends at the end of this day anywhere on earth (UTC−12)."
        defaultValue={v(values, "applicationsCloseOn")}
        error={errors?.applicationsCloseOn}
      />
      <Field
        name="startsOn"
        label="Starts on"
        type="date"
        required
        defaultValue={v(values, "startsOn")}
        error={errors?.startsOn}
      />
      <Field
        name="weeks"
        label="Length in weeks"
        type="number"
        min={1}
        max={12}
        required
        defaultValue={v(values, "weeks") || "6"}
        error={errors?.weeks}
      />
      <Field
        name="teamSizeMin"
        label="Smallest team (participants)"
        type="number"
        min={1}
        max={10}
        defaultValue={v(values, "teamSizeMin") || "3"}
        error={errors?.teamSizeMin}
      />
      <Field
        name="teamSizeMax"
        label="Largest team (participants)"
        type="number"
        min={1}
        max={10}
        defaultValue={v(values, "teamSizeMax") || "4"}
        error={errors?.teamSizeMax}
      />
      <Field
        name="minSharedHours"
        label="Minimum shared hours a week per team"
        type="number"
        min={0}
        max={40}
        step="0.5"
        defaultValue={v(values, "minSharedHours") || "5"}
        error={errors?.minSharedHours}
      />
      <label>
        <input
          type="checkbox"
          name="blindReview"
          value="on"
          defaultChecked={v(values, "blindReview") === "on"}
        />{" "}
        Blind review (hide applicants' identity from reviewers)
      </label>
      <label>
        <input type="checkbox" name="published" value="on" defaultChecked={v(values, "published") === "on"} />{" "}
        Published (visible on the start page)
      </label>
      <div className="actions">
        <button type="submit" name="intent" value="save">
          {submitLabel}
        </button>
      </div>
    </Form>
  );
}
