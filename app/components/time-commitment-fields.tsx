import { useState } from "react";
import { checkTimeCommitment, COMMITMENTS_MAX_LENGTH } from "~/applications/time-commitment";
import { CharacterCount } from "./character-count";

type Errors = Record<string, string | undefined>;

function NumberField({
  name,
  label,
  help,
  value,
  onChange,
  error,
}: {
  name: string;
  label: string;
  help: string;
  value: string;
  onChange: (value: string) => void;
  error?: string;
}) {
  const id = `field-${name}`;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <span id={`${id}-help`} className="help">
        {help}
      </span>
      {/* text, not type=number: the browser would drop "1e308" or "eight" before the server could say why */}
      <input
        id={id}
        name={name}
        type="text"
        inputMode="numeric"
        dir="auto"
        size={5}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={[`${id}-help`, error ? `${id}-error` : null, "commitment-hint"]
          .filter(Boolean)
          .join(" ")}
      />
      {error ? (
        <p id={`${id}-error`} className="field-error">
          {error}
        </p>
      ) : null}
    </div>
  );
}

/**
 * The hours an applicant can give and their other commitments, with a line that
 * says as they type whether these and their availability grid leave the hours the
 * cohort asks for (the same rule the server and the reviewers apply).
 */
export function TimeCommitmentFields({
  cohortHours,
  availabilityHours,
  values,
  errors,
}: {
  cohortHours: number | null;
  availabilityHours: number;
  values: { hoursPerWeek: string; commitments: string; commitmentHours: string };
  errors: Errors;
}) {
  const [hours, setHours] = useState(values.hoursPerWeek);
  const [commitmentHours, setCommitmentHours] = useState(values.commitmentHours);
  const [commitmentsLength, setCommitmentsLength] = useState(values.commitments.length);
  const check = checkTimeCommitment({
    cohortHours,
    hoursPerWeek: hours,
    commitmentHours,
    availabilityHours,
  });
  // A problem the server found stays beside its field until the person changes it.
  const liveError = (field: "hoursPerWeek" | "commitmentHours") =>
    check.state === "invalid" && check.field === field ? check.message : errors[field];
  return (
    <>
      <NumberField
        name="hoursPerWeek"
        label="How many hours a week can you give the cohort?"
        help={
          cohortHours
            ? `The cohort asks for about ${cohortHours} hours a week, for meetings, reading and pull requests.`
            : "A realistic number helps us form teams."
        }
        value={hours}
        onChange={setHours}
        error={liveError("hoursPerWeek")}
      />
      <div className="field">
        <label htmlFor="field-commitments">Other commitments (optional)</label>
        <span id="field-commitments-help" className="help">
          Work, school, caring for someone, other programs (Outreachy, GSoC…): whatever takes your week.
        </span>
        <textarea
          id="field-commitments"
          name="commitments"
          dir="auto"
          rows={2}
          defaultValue={values.commitments}
          onChange={(e) => setCommitmentsLength(e.target.value.length)}
          aria-invalid={errors.commitments ? true : undefined}
          aria-describedby={[
            "field-commitments-help",
            "field-commitments-count",
            errors.commitments ? "field-commitments-error" : null,
          ]
            .filter(Boolean)
            .join(" ")}
        />
        <CharacterCount
          id="field-commitments-count"
          max={COMMITMENTS_MAX_LENGTH}
          length={commitmentsLength}
        />
        {errors.commitments ? (
          <p id="field-commitments-error" className="field-error">
            {errors.commitments}
          </p>
        ) : null}
      </div>
      <NumberField
        name="commitmentHours"
        label="Hours a week those commitments take"
        help="All of them together; 0 if none."
        value={commitmentHours}
        onChange={setCommitmentHours}
        error={liveError("commitmentHours")}
      />
      <p
        id="commitment-hint"
        aria-live="polite"
        className={
          check.state === "fits"
            ? "commitment-hint badge badge-good"
            : check.state === "unanswered"
              ? "commitment-hint help"
              : "commitment-hint badge badge-warn"
        }
      >
        {check.state === "invalid" ? "" : check.message}
      </p>
    </>
  );
}
